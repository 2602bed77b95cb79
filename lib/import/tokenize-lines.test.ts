import { describe, expect, it } from "vitest";
import { buildTree } from "./build-tree";
import type { NoteNode } from "./build-tree";
import { tokenizeLines } from "./tokenize-lines";

const shape = (nodes: NoteNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.text, shape(n.children)] : n.text));

describe("tokenizeLines", () => {
  it("splits indentation, bullet markers and text, normalising odd spaces and line endings", () => {
    const lines = tokenizeLines(
      "\uFEFF  \u2022 a\u00a0b\r\n\t- c\r* d\n+ e\n12. f\n-5 g\n*em* h\n## Head ##\n \u00a0 \n---",
    );
    expect(lines.map((l) => [l.indent, l.bullet, l.heading, l.text, l.blank])).toEqual([
      [2, "•", 0, "a b", false],
      [4, "-", 0, "c", false],
      [0, "*", 0, "d", false],
      [0, "+", 0, "e", false],
      [0, "12.", 0, "f", false],
      [0, null, 0, "-5 g", false],
      [0, null, 0, "*em* h", false],
      [0, null, 2, "Head", false],
      [0, null, 0, "", true],
      [0, null, 0, "---", false],
    ]);
  });
});

describe("buildTree", () => {
  it("nests by relative indentation, whatever the widths", () => {
    const text = [
      "• a",
      "   - a1",
      "      * a1x",
      "  + a2",
      "• b",
      "\t• b1",
      "\t\t• b1x",
      "\t  • b2?",
      "c paragraph",
    ].join("\n");
    expect(shape(buildTree(tokenizeLines(text)))).toEqual([
      ["a", [["a1", ["a1x"]], "a2"]],
      ["b", [["b1", ["b1x", "b2?"]]]],
      "c paragraph",
    ]);
  });

  it("joins wrapped lines, nests indented paragraphs after a blank line, and lets headings own what follows", () => {
    const text = [
      "- a",
      "  wrapped",
      "",
      "  later paragraph",
      "## T",
      "Speaker: X",
      "- t1",
      "  - t1a",
      "## U",
      "- u1",
    ].join("\n");
    expect(shape(buildTree(tokenizeLines(text)))).toEqual([
      ["a wrapped", ["later paragraph"]],
      ["T", ["Speaker: X", ["t1", ["t1a"]]]],
      ["U", ["u1"]],
    ]);
  });
});
