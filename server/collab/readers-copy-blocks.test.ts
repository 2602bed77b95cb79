import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readSessionKind, readSessionPeople, writeSessionPerson } from "../../lib/collab/session-people";
import { seededRandom } from "../../lib/random/seeded-random";
import { NOTES_FIELD } from "../../lib/schema/notes-field";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { type NotesInterchangeMeta, notesToInterchange } from "../../lib/schema/notes-to-interchange";
import { seedYDocFromNotes } from "../../lib/schema/seed-ydoc-from-notes";
import { randomNotesEdit, walk } from "../../tests/support/random-notes-edit";
import { ReadersCopyBlocks } from "./readers-copy-blocks";

const panelNotes = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../lib/schema/fixtures/panel-notes.json"), "utf8"),
) as JSONContent;
const PEOPLE = ["pada0000000000000001", "pcleo0000000000000002", "pjody0000000000000003"];

function meta(doc: Y.Doc): NotesInterchangeMeta {
  return {
    conference: { name: "Loopback Conf", location: null, startsOn: null, hashtag: null, titleTemplate: null },
    session: {
      title: "Panel",
      kind: readSessionKind(doc) ?? "panel",
      intro: "",
      startsAt: null,
      endsAt: null,
      room: null,
      track: null,
      slug: "panel",
    },
    people: readSessionPeople(doc).map(({ position: _position, ...person }) => person),
  };
}

/** The readers' copy rendered from scratch, from a copy (as the renderer's full path does). */
function fullRender(doc: Y.Doc): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  try {
    return JSON.stringify(notesToInterchange(notesFromYDoc(copy), meta(copy)));
  } finally {
    copy.destroy();
  }
}

describe("ReadersCopyBlocks", () => {
  // 750 full renders to compare against: well under a second alone, 7-9 s on a saturated 2-core machine.
  it("equals a full render after every one of many random edits arriving as updates", { timeout: 60_000 }, () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const editor = new Y.Doc();
      seedYDocFromNotes(editor, panelNotes);
      for (const id of PEOPLE)
        writeSessionPerson(editor, id, { name: id.slice(1, 5), role: "panelist", position: PEOPLE.indexOf(id) });
      const room = new Y.Doc();
      Y.applyUpdate(room, Y.encodeStateAsUpdate(editor));
      editor.on("update", (update: Uint8Array) => Y.applyUpdate(room, update));
      const blocks = new ReadersCopyBlocks(room);
      expect(blocks.readersCopyJson(meta(room))).toBe(fullRender(room));
      const kinds = new Set<string>();
      for (let step = 0; step < 250; step++) {
        // Sometimes several edits land between two renders (a burst of typing within the render delay).
        const edits = random() < 0.3 ? 1 + Math.floor(random() * 5) : 1;
        for (let e = 0; e < edits; e++) kinds.add(randomNotesEdit(editor, random, PEOPLE));
        const expected = fullRender(room);
        expect(blocks.readersCopyJson(meta(room)), `seed ${seed}, step ${step}`).toBe(expected);
      }
      expect([...kinds].sort()).toEqual(
        expect.arrayContaining([
          "attribution",
          "delete block",
          "format",
          "insert block",
          "move",
          "rename person",
          "star or time",
          "type",
        ]),
      );
      room.destroy();
      editor.destroy();
    }
  });

  it("renders again only the top-level blocks that changed", () => {
    const room = new Y.Doc();
    seedYDocFromNotes(room, panelNotes);
    const blocks = new ReadersCopyBlocks(room);
    blocks.blocksJson();
    const fragment = room.getXmlFragment(NOTES_FIELD);
    const clones: Y.XmlElement[] = [];
    const clone = Y.XmlElement.prototype.clone;
    Y.XmlElement.prototype.clone = function (this: Y.XmlElement) {
      clones.push(this);
      return clone.call(this) as Y.XmlElement;
    };
    try {
      blocks.blocksJson();
      expect(clones).toHaveLength(0);
      const question = fragment
        .toArray()
        .find((t) => t instanceof Y.XmlElement && t.nodeName === "question") as Y.XmlElement;
      const text = walk(question).find((t): t is Y.XmlText => t instanceof Y.XmlText && t.length > 0)!;
      text.insert(0, "x");
      blocks.blocksJson();
      // The question thread is cloned once (its clone clones its own children: those are not top-level renders).
      expect(clones.filter((c) => c.parent === fragment)).toEqual([question]);
    } finally {
      Y.XmlElement.prototype.clone = clone;
    }
  });
});
