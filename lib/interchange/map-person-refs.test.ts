import { describe, expect, it } from "vitest";
import { blockTree } from "./fixtures/block-tree";
import { mapPersonRefs } from "./map-person-refs";
import { referencedPersonIds } from "./referenced-person-ids";

describe("mapPersonRefs", () => {
  it("renames every reference at any depth and leaves the rest of the tree as it was", () => {
    const original = blockTree();
    const mapped = mapPersonRefs(original, (id) => id.toUpperCase());
    expect([...referencedPersonIds(mapped)]).toEqual(["ANN", "BO", "CY"]);
    expect(JSON.stringify(mapped).replace(/"(ANN|BO|CY)"/g, (m) => m.toLowerCase())).toBe(JSON.stringify(original));
    expect(original).toEqual(blockTree());
  });

  it("drops references mapped to null: asker and speaker become null, talk speakers shrink", () => {
    const mapped = mapPersonRefs(blockTree(), (id) => (id === "bo" ? id : null));
    expect(mapped[0]).toMatchObject({ askedBy: null, answers: [{ speaker: "bo" }, { type: "aside" }] });
    expect(mapped[1]).toMatchObject({
      speakers: ["bo"],
      children: [{ type: "note" }, { answers: [{ speaker: null }] }, { type: "image" }],
    });
  });

  it("never asks about absent references", () => {
    const asked: string[] = [];
    mapPersonRefs(blockTree(), (id) => (asked.push(id), id));
    expect(asked.sort()).toEqual(["ann", "bo", "bo", "cy", "cy"]);
  });
});
