import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { panelDocument } from "../export/fixtures/panel-document";
import { igniteDocument } from "../export/fixtures/ignite-document";
import { talknotesSchema } from "./talknotes-schema";

/*
 * docs/talknotes-1.schema.json is written by hand for outsiders; this test
 * keeps it honest against the zod schema the app actually enforces.
 */

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  description?: string;
  $defs?: Record<string, JsonSchema>;
}

const root = JSON.parse(
  readFileSync(path.resolve(__dirname, "../../docs/talknotes-1.schema.json"), "utf8"),
) as JsonSchema;
const defs = root.$defs ?? {};

const objectSchemas: Array<[string, z.ZodObject, JsonSchema]> = [
  ["document", talknotesSchema.document, root],
  ["conference", talknotesSchema.conference, defs.conference!],
  ["session", talknotesSchema.session, defs.session!],
  ["person", talknotesSchema.person, defs.person!],
  ["author", talknotesSchema.author, defs.author!],
  ["recording", talknotesSchema.recording, defs.recording!],
  ...Object.entries(talknotesSchema.blocks).map(([name, schema]): [string, z.ZodObject, JsonSchema] => [
    name,
    schema,
    defs[name]!,
  ]),
];

describe("docs/talknotes-1.schema.json agrees with the zod schema", () => {
  it("declares draft 2020-12", () => {
    expect((root as Record<string, unknown>).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it.each(objectSchemas)("%s: same properties, same required-ness, same nullability", (_name, zodSchema, json) => {
    expect(json, "missing from $defs").toBeDefined();
    const shape = zodSchema.shape as Record<string, z.ZodType>;
    expect(Object.keys(json.properties ?? {}).sort()).toEqual(Object.keys(shape).sort());
    const zodRequired = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
    expect([...(json.required ?? [])].sort()).toEqual(zodRequired.sort());
    for (const [key, field] of Object.entries(shape)) {
      const prop = json.properties![key]!;
      const jsonNullable = Array.isArray(prop.type) && prop.type.includes("null");
      expect(jsonNullable, `${key} nullability`).toBe(field.safeParse(null).success);
      if (prop.enum) expect((field as z.ZodEnum).options, `${key} enum`).toEqual(prop.enum);
      if (prop.const !== undefined) expect(field.safeParse(prop.const).success, `${key} const`).toBe(true);
      expect(prop.description, `${key} description`).toMatch(/\S/);
    }
  });

  it("lists every block type in the block union", () => {
    expect(defs.block?.oneOf?.map((s) => s.$ref)).toEqual(
      Object.keys(talknotesSchema.blocks).map((k) => `#/$defs/${k}`),
    );
  });

  // A tiny evaluator for the keywords the schema uses; enough to run samples
  // through both schemas and compare verdicts.
  function valid(schema: JsonSchema, value: unknown): boolean {
    if (schema.$ref) return valid(defs[schema.$ref.replace("#/$defs/", "")]!, value);
    if (schema.oneOf && schema.oneOf.filter((s) => valid(s, value)).length !== 1) return false;
    if (schema.const !== undefined && value !== schema.const) return false;
    if (schema.enum && !schema.enum.includes(value)) return false;
    if (schema.type) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
      if (!types.includes(actual)) return false;
    }
    if (typeof value === "string") {
      if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) return false;
      if (schema.minLength !== undefined && value.length < schema.minLength) return false;
    }
    if (Array.isArray(value) && schema.items) return value.every((v) => valid(schema.items!, v));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      if (!(schema.required ?? []).every((k) => k in obj)) return false;
      return Object.entries(schema.properties ?? {}).every(([k, s]) => !(k in obj) || valid(s, obj[k]));
    }
    return true;
  }

  type Mutation = [string, (doc: Record<string, any>) => void]; // eslint-disable-line @typescript-eslint/no-explicit-any
  const mutations: Mutation[] = [
    ["unchanged", () => {}],
    [
      "optional fields absent",
      (d) => {
        delete d.session.startsAt;
        delete d.conference.hashtag;
      },
    ],
    [
      "optional fields null",
      (d) => {
        d.session.room = null;
        d.session.slug = null;
        d.people[0].handle = null;
      },
    ],
    [
      "unknown extra property",
      (d) => {
        d.blocks[0].marks = [];
      },
    ],
    [
      "wrong format",
      (d) => {
        d.format = "talknotes/2";
      },
    ],
    [
      "missing people",
      (d) => {
        delete d.people;
      },
    ],
    [
      "location missing (required but nullable)",
      (d) => {
        delete d.conference.location;
      },
    ],
    [
      "kind not in enum",
      (d) => {
        d.session.kind = "fireside";
      },
    ],
    [
      "role not in enum",
      (d) => {
        d.people[1].role = "host";
      },
    ],
    [
      "bad startsOn",
      (d) => {
        d.conference.startsOn = "25/06/2010";
      },
    ],
    [
      "bad slug",
      (d) => {
        d.session.slug = "Hello World";
      },
    ],
    [
      "empty person id",
      (d) => {
        d.people[0].id = "";
      },
    ],
    [
      "aliases not strings",
      (d) => {
        d.people[0].aliases = [1];
      },
    ],
    [
      "unknown block type",
      (d) => {
        d.blocks.push({ type: "poll", text: "x" });
      },
    ],
    [
      "statement without asides",
      (d) => {
        delete d.blocks[0].answers[0].asides;
      },
    ],
    [
      "askedBy missing",
      (d) => {
        delete d.blocks[1].askedBy;
      },
    ],
    [
      "nested bad block",
      (d) => {
        d.blocks[1].answers[0].children[0].text = null;
      },
    ],
    [
      "talk speakers not array",
      (d) => {
        d.blocks.push({ type: "talk", title: "t", speakers: "tl", children: [] });
      },
    ],
    [
      "aside with children ignored",
      (d) => {
        d.blocks.push({ type: "aside", text: "x", children: "nope" });
      },
    ],
    [
      "block times",
      (d) => {
        d.blocks[0].at = "2010-06-25T14:05:09-07:00";
        d.blocks[0].answers[0].at = null;
      },
    ],
    [
      "block time not a string",
      (d) => {
        d.blocks[0].at = 1277499909;
      },
    ],
    [
      "a recording",
      (d) => {
        d.session.recording = { url: "https://media.ccc.de/v/x", startsAt: "2010-06-25T14:00:00Z" };
      },
    ],
    [
      "recording null",
      (d) => {
        d.session.recording = null;
      },
    ],
    [
      "recording without url",
      (d) => {
        d.session.recording = { startsAt: null };
      },
    ],
  ];

  it.each(mutations)("both give the same verdict: %s", (_name, mutate) => {
    const doc = JSON.parse(JSON.stringify(panelDocument())) as Record<string, unknown>;
    mutate(doc);
    expect(valid(root, doc)).toBe(talknotesSchema.document.safeParse(doc).success);
  });

  it("both accept the ignite fixture", () => {
    expect(valid(root, igniteDocument())).toBe(true);
    expect(talknotesSchema.document.safeParse(igniteDocument()).success).toBe(true);
  });

  it("the sample set contains both verdicts", () => {
    const verdicts = mutations.map(([, m]) => {
      const doc = JSON.parse(JSON.stringify(panelDocument())) as Record<string, unknown>;
      m(doc);
      return valid(root, doc);
    });
    expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThanOrEqual(10);
  });
});
