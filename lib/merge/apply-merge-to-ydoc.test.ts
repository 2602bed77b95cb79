import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readSessionPeople, writeSessionPerson } from "../collab/session-people";
import type { TalkNotesDocument } from "../interchange/types";
import { notesFromYDoc } from "../schema/notes-from-ydoc";
import { notesToInterchange } from "../schema/notes-to-interchange";
import { applyMergeToYDoc } from "./apply-merge-to-ydoc";

const merged: TalkNotesDocument = {
  format: "talknotes/1",
  conference: { name: "Harbour Ops Camp", location: null, startsOn: null },
  session: { title: "Shipping on Fridays", kind: "panel", intro: "" },
  people: [
    { id: "amara-okafor", name: "Amara Okafor", role: "panelist", aliases: ["Amara Okafr"] },
    { id: "pnewperson01", name: "Dana Whitfield", role: "moderator", affiliation: "x".repeat(500) },
  ],
  blocks: [
    {
      type: "question",
      text: "Should we deploy on Fridays?",
      askedBy: null,
      answers: [{ type: "statement", speaker: "amara-okafor", text: "yes", asides: ["bold"], children: [] }],
    },
  ],
};

describe("applyMergeToYDoc", () => {
  it("writes the merged notes in one update, adds new people after the others and updates what the merge learned", () => {
    const doc = new Y.Doc();
    writeSessionPerson(doc, "amara-okafor", { name: "Amara Okafor", role: "panelist", position: 3 });
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    doc.transact(() => applyMergeToYDoc(doc, merged));
    expect(updates).toHaveLength(1);
    const people = readSessionPeople(doc);
    expect(people.map((p) => [p.id, p.name, p.position, p.aliases])).toEqual([
      ["amara-okafor", "Amara Okafor", 3, ["Amara Okafr"]],
      ["pnewperson01", "Dana Whitfield", 4, []],
    ]);
    // Clipped to the people map's limit rather than failing half way through.
    expect(people[1]!.affiliation).toHaveLength(200);
    const back = notesToInterchange(notesFromYDoc(doc), {
      conference: merged.conference,
      session: merged.session,
      people: merged.people,
    });
    expect(back.blocks).toEqual(merged.blocks);
  });
});
