import { describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../interchange/types";
import { renderKeyMoments } from "./render-key-moments";
import { renderReaderNotes } from "./render-reader-notes";

const DOC: TalkNotesDocument = {
  format: "talknotes/1",
  conference: { name: "DevOps Day", location: null, startsOn: null },
  session: { title: "Panel", kind: "panel", intro: "" },
  people: [{ id: "jody", name: "Jody Mulkey", affiliation: "Shopzilla", role: "panelist" }],
  blocks: [
    { type: "note", text: "Intro", children: [] },
    {
      type: "question",
      text: "What <matters>?",
      askedBy: null,
      starred: true,
      answers: [
        {
          type: "statement",
          speaker: "jody",
          text: "focus on unplanned work, see https://example.org",
          asides: [],
          children: [],
          starred: true,
        },
      ],
    },
    { type: "tip", text: "x".repeat(300), children: [], starred: true },
  ],
};

describe("renderKeyMoments", () => {
  it("lists starred blocks in reading order, linked to their place in the notes, escaped, with no links inside", () => {
    const html = renderKeyMoments(DOC);
    const notes = renderReaderNotes(DOC, { personHref: () => null });
    expect(
      html.startsWith(
        `<ol class="key-moments-list"><li><a href="#q-1"><span class="sr-only">Question: </span>What &lt;matters&gt;?</a></li>`,
      ),
    ).toBe(true);
    expect(html).toContain(`<li><a href="#s-1">Jody: focus on unplanned work, see https://example.org</a></li>`);
    expect(html).toContain(`…</a></li></ol>`); // long moments are cut
    expect(html.match(/<a /g)).toHaveLength(3);
    // Each link lands on a marked block of the notes.
    for (const id of ["q-1", "s-1", "n-2"]) expect(notes).toMatch(new RegExp(`class="[^"]*starred[^"]*" id="${id}"`));
    expect(notes).toContain(
      `<span class="key-moment" title="Key moment"><span aria-hidden="true">★</span><span class="sr-only">Key moment:</span></span>`,
    );
  });

  it("is empty when nothing is starred", () => {
    expect(renderKeyMoments({ ...DOC, blocks: [{ type: "note", text: "a", children: [] }] })).toBe("");
  });
});
