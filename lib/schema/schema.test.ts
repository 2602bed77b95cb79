import type { JSONContent } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode, TagParseRule } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { nb } from "./fixtures/notes-builder";
import { NOTES_BLOCK_GROUP, NOTES_BLOCK_NAMES } from "./notes-block-names";
import { notesSchema } from "./notes-schema";

const { doc, question, statement, note, tip, talk, aside, text } = nb;

const isValid = (json: JSONContent): boolean => {
  try {
    notesSchema.nodeFromJSON(json).check();
    return true;
  } catch {
    return false;
  }
};

/** Just enough of an HTMLElement for Tiptap's attribute parsers, which only call getAttribute. */
function fakeElement(attributes: Record<string, string>): HTMLElement {
  return { getAttribute: (name: string) => attributes[name] ?? null } as unknown as HTMLElement;
}

function renderedAttributes(spec: unknown): Record<string, string> {
  expect(Array.isArray(spec)).toBe(true);
  return (spec as [string, Record<string, string>])[1];
}

/** The attributes a node gets when parsed from an element with `attributes` (defaults filled in). */
function parseNode(typeName: string, attributes: Record<string, string>): Record<string, unknown> {
  const type = notesSchema.nodes[typeName]!;
  const rules = (type.spec.parseDOM ?? []) as TagParseRule[];
  expect(rules.map((rule) => rule.tag)).toEqual([`div[data-type="${typeName}"]`]);
  const parsed = rules[0]!.getAttrs!(fakeElement(attributes));
  expect(parsed).not.toBe(false);
  return type.create(parsed || null, notesSchema.nodes.paragraph!.create()).attrs;
}

describe("notes schema structure", () => {
  it("has the outline blocks in the notesBlock group and the aside mark", () => {
    for (const name of NOTES_BLOCK_NAMES) expect(notesSchema.nodes[name]!.isInGroup(NOTES_BLOCK_GROUP)).toBe(true);
    expect(notesSchema.nodes.paragraph!.isInGroup(NOTES_BLOCK_GROUP)).toBe(false);
    expect(Object.keys(notesSchema.marks).sort()).toEqual(["aside", "bold", "italic", "link"]);
  });

  it("accepts nested outlines of every block type", () => {
    expect(
      isValid(
        doc(
          talk("Ignite 1", ["a", "b"], note("n", tip("t")), aside("mine")),
          question("Why?", "jo", statement([text("Because "), text("sic", "aside")], "al", note("x"))),
          statement("", null),
        ),
      ),
    ).toBe(true);
  });

  it.each([
    ["an empty document", { type: "doc", content: [] }],
    ["a bare paragraph at the top", { type: "doc", content: [{ type: "paragraph" }] }],
    ["a block without its paragraph", doc({ type: "note", content: [note("child")] })],
    ["a block whose text is not first", doc({ type: "note", content: [note("child"), { type: "paragraph" }] })],
    ["a block with two paragraphs", doc({ type: "note", content: [{ type: "paragraph" }, { type: "paragraph" }] })],
    ["an aside block with children", doc({ type: "asideBlock", content: [{ type: "paragraph" }, note("x")] })],
    ["text directly inside a block", doc({ type: "note", content: [{ type: "text", text: "x" }] })],
  ])("rejects %s", (_label, json) => {
    expect(isValid(json as JSONContent)).toBe(false);
  });
});

describe("HTML rendering and parsing of attributes", () => {
  const node = (json: JSONContent): ProseMirrorNode => notesSchema.nodeFromJSON(json);
  const toDOM = (n: ProseMirrorNode) => n.type.spec.toDOM!(n);

  it("renders person attributes as data-* and the node name as data-type", () => {
    expect(toDOM(node(statement("x", "jo")))).toEqual(["div", { "data-type": "statement", "data-speaker": "jo" }, 0]);
    expect(toDOM(node(question("x", "al")))).toEqual(["div", { "data-type": "question", "data-asked-by": "al" }, 0]);
    expect(toDOM(node(talk("x", ["a", "b"])))).toEqual(["div", { "data-type": "talk", "data-speakers": "a,b" }, 0]);
    expect(toDOM(node(aside("x")))).toEqual(["div", { "data-type": "asideBlock" }, 0]);
    expect(toDOM(node(note("x")))).toEqual(["div", { "data-type": "note" }, 0]);
    expect(toDOM(node(tip("x")))).toEqual(["div", { "data-type": "tip" }, 0]);
  });

  it("omits unset attributes", () => {
    expect(toDOM(node(statement("x", null)))).toEqual(["div", { "data-type": "statement" }, 0]);
    expect(toDOM(node(talk("x", [])))).toEqual(["div", { "data-type": "talk" }, 0]);
  });

  it.each([
    ["statement", { speaker: "jo" }],
    ["statement", { speaker: null }],
    ["question", { askedBy: "al" }],
    ["question", { askedBy: null }],
    ["talk", { speakers: ["a", "b"] }],
    ["talk", { speakers: [] }],
    ["note", { starred: true }],
    ["statement", { speaker: "jo", starred: true }],
    ["asideBlock", { starred: true }],
  ])("round-trips %s %j through its rendered attributes", (typeName, attrs) => {
    const original = notesSchema.nodes[typeName]!.create(attrs, notesSchema.nodes.paragraph!.create());
    const parsed = parseNode(typeName, renderedAttributes(toDOM(original)));
    expect(parsed).toEqual({ starred: null, ...attrs, at: null });
  });

  it("parses empty data attributes as unattributed and trims speaker lists", () => {
    expect(parseNode("statement", { "data-type": "statement", "data-speaker": "" })).toEqual({
      speaker: null,
      starred: null,
      at: null,
    });
    expect(parseNode("talk", { "data-type": "talk", "data-speakers": " a, ,b " })).toEqual({
      speakers: ["a", "b"],
      starred: null,
      at: null,
    });
  });

  it("renders the aside mark as a span", () => {
    const mark = notesSchema.marks.aside!.create();
    expect(mark.type.spec.toDOM!(mark, true)).toEqual(["span", { "data-type": "aside" }, 0]);
    expect((mark.type.spec.parseDOM as TagParseRule[]).map((rule) => rule.tag)).toEqual(['span[data-type="aside"]']);
  });
});

describe("links", () => {
  const linkDOM = (href: string) => {
    const mark: Mark = notesSchema.marks.link!.create({ href });
    return renderedAttributes(mark.type.spec.toDOM!(mark, true));
  };
  const parseLink = (href: string) => {
    const rule = (notesSchema.marks.link!.spec.parseDOM as TagParseRule[])[0]!;
    return rule.getAttrs!(fakeElement({ href }));
  };

  it("renders http(s) and mailto hrefs, blanks javascript: and data:", () => {
    expect(linkDOM("https://example.org/a").href).toBe("https://example.org/a");
    expect(linkDOM("mailto:jo@example.org").href).toBe("mailto:jo@example.org");
    expect(linkDOM("javascript:alert(1)").href).toBe("");
    expect(linkDOM(" JavaScript:alert(1)").href).toBe("");
    expect(linkDOM("data:text/html,<script>alert(1)</script>").href).toBe("");
  });

  it("refuses to parse javascript: links from pasted HTML", () => {
    expect(parseLink("javascript:alert(1)")).toBe(false);
    expect(parseLink("https://example.org")).not.toBe(false);
  });
});
