import { describe, expect, it } from "vitest";
import { blockText } from "./block-text";
import { blockTree } from "./fixtures/block-tree";
import { referencedPersonIds } from "./referenced-person-ids";
import { walkBlocks } from "./walk-blocks";

describe("walkBlocks", () => {
  it("visits every block in reading order with its index path and parent", () => {
    const seen: string[] = [];
    walkBlocks(blockTree(), (block, path, parent) =>
      seen.push(`${path.join(".")} ${blockText(block)} < ${parent ? blockText(parent) : "-"}`),
    );
    expect(seen).toEqual([
      "0 Q1 < -",
      "0.0 A1 < Q1",
      "0.0.0 A1 cont < A1",
      "0.1 aside < Q1",
      "1 T1 < -",
      "1.0 N1 < T1",
      "1.0.0 Tip1 < N1",
      "1.1 Q2 < T1",
      "1.1.0 A2 < Q2",
      "1.2 slide < T1",
    ]);
  });
});

describe("referencedPersonIds", () => {
  it("collects askers, speakers and talk speakers at any depth, once each, in reading order", () => {
    expect([...referencedPersonIds(blockTree())]).toEqual(["ann", "bo", "cy"]);
    expect(referencedPersonIds([{ type: "note", text: "n", children: [] }]).size).toBe(0);
  });
});
