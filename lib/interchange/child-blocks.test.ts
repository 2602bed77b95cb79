import { describe, expect, it } from "vitest";
import { childBlocks } from "./child-blocks";
import type { Block } from "./types";
import { nestedBlocks } from "./fixtures/nested-blocks";
import { withChildBlocks } from "./with-child-blocks";

describe("childBlocks and withChildBlocks", () => {
  it("reads a question's answers, an aside's nothing and other blocks' children", () => {
    const [question, talk] = nestedBlocks();
    expect(childBlocks(question!).map((b) => b.type)).toEqual(["statement", "aside"]);
    expect(childBlocks(talk!).map((b) => b.type)).toEqual(["note", "question"]);
    expect(childBlocks({ type: "aside", text: "a" })).toEqual([]);
  });

  it("puts new children where childBlocks reads them, without touching the original", () => {
    const [question, talk] = nestedBlocks();
    const note: Block = { type: "note", text: "new", children: [] };
    const q = withChildBlocks(question!, [note]);
    expect(q).toMatchObject({ type: "question", text: "Q1", answers: [note] });
    expect(childBlocks(withChildBlocks(talk!, [note]))).toEqual([note]);
    expect(childBlocks(question!)).toHaveLength(2);
    const aside: Block = { type: "aside", text: "a" };
    expect(withChildBlocks(aside, [note])).toBe(aside);
  });
});
