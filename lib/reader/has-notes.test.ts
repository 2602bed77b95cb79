import { describe, expect, it } from "vitest";
import { panelDocument } from "../export/fixtures/panel-document";
import { hasNotes } from "./has-notes";

describe("hasNotes", () => {
  it("is false for no document, no blocks, and blocks without text", () => {
    expect(hasNotes(null)).toBe(false);
    expect(hasNotes({ blocks: [] })).toBe(false);
    expect(
      hasNotes({
        blocks: [
          { type: "note", text: " ", children: [] },
          { type: "question", text: "", askedBy: null, answers: [] },
        ],
      }),
    ).toBe(false);
  });

  it("is true as soon as one block, however deep, has text", () => {
    expect(hasNotes(panelDocument())).toBe(true);
    const nested = {
      type: "statement" as const,
      speaker: null,
      text: "",
      asides: [],
      children: [{ type: "note" as const, text: "deep", children: [] }],
    };
    expect(hasNotes({ blocks: [{ type: "question", text: "", askedBy: null, answers: [nested] }] })).toBe(true);
  });
});
