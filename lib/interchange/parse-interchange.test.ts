import { describe, expect, it } from "vitest";
import { panelDocument } from "../export/fixtures/panel-document";
import { igniteDocument } from "../export/fixtures/ignite-document";
import { InterchangeError } from "./interchange-error";
import { MAX_BLOCK_DEPTH, parseInterchange } from "./parse-interchange";

function refusal(input: unknown): InterchangeError {
  try {
    parseInterchange(input);
  } catch (err) {
    if (err instanceof InterchangeError) return err;
    throw err;
  }
  throw new Error("expected parseInterchange to throw");
}

/** A JSON round trip, as a file on disk would arrive. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("parseInterchange", () => {
  it("accepts the fixtures unchanged", () => {
    expect(parseInterchange(asJson(panelDocument()))).toEqual(panelDocument());
    expect(parseInterchange(asJson(igniteDocument()))).toEqual(igniteDocument());
  });

  it("drops unknown fields instead of refusing them", () => {
    const doc = { ...panelDocument(), generator: "someone else" };
    expect(parseInterchange(doc)).not.toHaveProperty("generator");
  });

  it.each([
    ["not an object", [], "$"],
    ["missing format", { conference: {} }, "$.format"],
    ["another version", { ...panelDocument(), format: "talknotes/2" }, "$.format"],
    ["case differs", { ...panelDocument(), format: "Talknotes/1" }, "$.format"],
    ["trailing space", { ...panelDocument(), format: "talknotes/1 " }, "$.format"],
  ])("refuses %s with unsupported_format", (_name, input, path) => {
    const err = refusal(input);
    expect(err.code).toBe("unsupported_format");
    expect(err.issues[0]?.path).toBe(path);
  });

  it("names the JSON path of schema problems in the message", () => {
    const doc = asJson(panelDocument()) as {
      blocks: Array<{ answers: Array<Record<string, unknown>> }>;
      session: Record<string, unknown>;
    };
    doc.blocks[1]!.answers[0]!.text = 42;
    doc.session.kind = "fireside";
    const err = refusal(doc);
    expect(err.code).toBe("invalid_document");
    expect(err.message).toContain("$.session.kind");
    expect(err.message).toContain("$.blocks[1].answers[0].text");
  });

  it("refuses an unknown block type and a missing required array", () => {
    const doc = asJson(panelDocument()) as { blocks: Array<Record<string, unknown>> };
    doc.blocks.push({ type: "poll", text: "?" });
    expect(refusal(doc).issues.map((i) => i.path)).toContain("$.blocks[6].type");

    const doc2 = asJson(panelDocument()) as { blocks: Array<Record<string, unknown>> };
    delete doc2.blocks[4]!.children;
    expect(refusal(doc2).issues.map((i) => i.path)).toEqual(["$.blocks[4].children"]);
  });

  it.each([
    [
      "startsOn not a calendar date",
      { conference: { name: "X", location: null, startsOn: "2010-02-30" } },
      "$.conference.startsOn",
    ],
    [
      "startsAt without offset",
      { session: { title: "T", kind: "talk", intro: "", startsAt: "2010-06-25T10:00:00" } },
      "$.session.startsAt",
    ],
    ["slug with a path in it", { session: { title: "T", kind: "talk", intro: "", slug: "../etc" } }, "$.session.slug"],
  ])("refuses %s", (_name, patch, path) => {
    const err = refusal({ ...panelDocument(), ...patch });
    expect(err.code).toBe("invalid_document");
    expect(err.issues.map((i) => i.path)).toContain(path);
  });

  it("refuses duplicate person ids", () => {
    const doc = panelDocument();
    doc.people.push({ id: "ada", name: "Another Ada", role: "audience" });
    const err = refusal(doc);
    expect(err.code).toBe("duplicate_person_id");
    expect(err.issues).toEqual([{ path: "$.people[5].id", message: 'duplicate person id "ada"' }]);
  });

  it("refuses references to people who are not listed, wherever they are", () => {
    const doc = panelDocument();
    doc.people = doc.people.filter((p) => p.id !== "dan");
    doc.blocks.push({ type: "talk", title: "x", speakers: ["ada", "zed"], children: [] });
    const err = refusal(doc);
    expect(err.code).toBe("unknown_person");
    expect(err.issues.map((i) => i.path)).toEqual([
      "$.blocks[0].askedBy",
      "$.blocks[1].answers[0].children[1].speaker",
      "$.blocks[6].speakers[1]",
    ]);
    expect(err.message).toMatch(
      /^Invalid talknotes\/1 document \(unknown_person\): \$\.blocks\[0\]\.askedBy: unknown person id "dan"/,
    );
  });

  it("refuses hostile nesting without overflowing the stack", () => {
    let blocks: unknown[] = [];
    for (let i = 0; i < 100_000; i++) blocks = [{ type: "note", text: "", children: blocks }];
    const err = refusal({ ...panelDocument(), blocks });
    expect(err.code).toBe("too_deep");
  });

  it("accepts nesting right up to the limit", () => {
    let blocks: unknown[] = [];
    for (let i = 0; i < MAX_BLOCK_DEPTH; i++) blocks = [{ type: "note", text: "", children: blocks }];
    expect(() => parseInterchange({ ...panelDocument(), blocks })).not.toThrow();
    expect(refusal({ ...panelDocument(), blocks: [{ type: "note", text: "", children: blocks }] }).code).toBe(
      "too_deep",
    );
  });
});
