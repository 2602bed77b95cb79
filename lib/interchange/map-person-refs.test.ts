import { describe, expect, it } from "vitest";
import { nestedBlocks } from "./fixtures/nested-blocks";
import { mapPersonRefs } from "./map-person-refs";
import { referencedPersonIds } from "./referenced-person-ids";

describe("mapPersonRefs", () => {
  it("renames every reference at any depth and leaves the rest of the tree as it was", () => {
    const original = nestedBlocks();
    const mapped = mapPersonRefs(original, (id) => id.toUpperCase());
    expect([...referencedPersonIds(mapped)]).toEqual(["ANN", "BO", "CY"]);
    expect(JSON.stringify(mapped).replace(/"(ANN|BO|CY)"/g, (m) => m.toLowerCase())).toBe(JSON.stringify(original));
    expect(original).toEqual(nestedBlocks());
  });

  it("drops references mapped to null: asker and speaker become null, talk speakers shrink", () => {
    const mapped = mapPersonRefs(nestedBlocks(), (id) => (id === "bo" ? id : null));
    expect(mapped[0]).toMatchObject({ askedBy: null, answers: [{ speaker: "bo" }, { type: "aside" }] });
    expect(mapped[1]).toMatchObject({ speakers: ["bo"], children: [{ type: "note" }, { answers: [{ speaker: null }] }] });
  });

  it("never asks about absent references", () => {
    const asked: string[] = [];
    mapPersonRefs(nestedBlocks(), (id) => (asked.push(id), id));
    expect(asked.sort()).toEqual(["ann", "bo", "bo", "cy", "cy"]);
  });
});
