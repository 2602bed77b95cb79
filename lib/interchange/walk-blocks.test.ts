import { describe, expect, it } from "vitest";
import { nestedBlocks } from "./fixtures/nested-blocks";
import { referencedPersonIds } from "./referenced-person-ids";
import type { Block } from "./types";
import { walkBlocks } from "./walk-blocks";

const label = (b: Block) => (b.type === "talk" ? b.title : b.text);

describe("walkBlocks", () => {
  it("visits every block in reading order with its index path", () => {
    const seen: string[] = [];
    walkBlocks(nestedBlocks(), (block, path) => seen.push(`${path.join(".")} ${label(block)}`));
    expect(seen).toEqual(["0 Q1", "0.0 A1", "0.0.0 A1 cont", "0.1 aside", "1 T1", "1.0 N1", "1.0.0 Tip1", "1.1 Q2", "1.1.0 A2"]);
  });
});

describe("referencedPersonIds", () => {
  it("collects askers, speakers and talk speakers at any depth, once each, in reading order", () => {
    expect([...referencedPersonIds(nestedBlocks())]).toEqual(["ann", "bo", "cy"]);
    expect(referencedPersonIds([{ type: "note", text: "n", children: [] }]).size).toBe(0);
  });
});
