import { describe, expect, it } from "vitest";
import { blockTree } from "./fixtures/block-tree";
import { nestedBlocks } from "./nested-blocks";
import type { Block } from "./types";
import { withChildBlocks } from "./with-child-blocks";

describe("nestedBlocks and withChildBlocks", () => {
  it("reads a question's answers, an aside's nothing and other blocks' children", () => {
    const [question, talk] = blockTree();
    expect(nestedBlocks(question!).map((b) => b.type)).toEqual(["statement", "aside"]);
    expect(nestedBlocks(talk!).map((b) => b.type)).toEqual(["note", "question", "image"]);
    expect(nestedBlocks({ type: "aside", text: "a" })).toEqual([]);
  });

  it("puts new children where nestedBlocks reads them, without touching the original", () => {
    const [question, talk] = blockTree();
    const note: Block = { type: "note", text: "new", children: [] };
    const q = withChildBlocks(question!, [note]);
    expect(q).toMatchObject({ type: "question", text: "Q1", answers: [note] });
    expect(nestedBlocks(withChildBlocks(talk!, [note]))).toEqual([note]);
    expect(nestedBlocks(question!)).toHaveLength(2);
    const aside: Block = { type: "aside", text: "a" };
    expect(withChildBlocks(aside, [note])).toBe(aside);
    const photo = nestedBlocks(talk!).find((b) => b.type === "image")!;
    expect(nestedBlocks(photo)).toEqual([]);
    expect(withChildBlocks(photo, [note])).toBe(photo);
  });
});
