import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_ROOM_OPTIONS, Room } from "../../server/collab/room";
import { NotesStore } from "../../server/collab/notes-store";
import { openSqlite } from "../../server/db/open-sqlite";
import { startTestDatabase } from "../support/test-database";

/**
 * A room loads the snapshot and the log after it as separate parts (load-time
 * goal, row 3 of BENCHMARKS.md's Goals: merging a large snapshot with its log cost more than applying it), and
 * must end up with exactly the document that was stored, as the merged
 * `state` other readers use does.
 */
const db = startTestDatabase({ prefix: "talknotes-notes-load-" });
const sqlite = openSqlite(db.file);
let sessionId: string;

beforeAll(async () => {
  const { seedDevopsDay } = await import("../support/seed");
  sessionId = (await seedDevopsDay()).session.id;
});

afterAll(() => sqlite.close());

function type(doc: Y.Doc, text: string) {
  const fragment = doc.getXmlFragment("notes");
  if (fragment.length === 0) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [p]);
  }
  const node = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  node.insert(node.length, text);
}

describe("NotesStore.load", () => {
  it("gives the snapshot and the merged log as parts, and a room built from them holds the stored document", () => {
    const store = new NotesStore(sqlite);
    const source = new Y.Doc();
    store.load(sessionId);
    const room = new Room(sessionId, store, { ...DEFAULT_ROOM_OPTIONS, compactAfterUpdates: 5 }, () => undefined);
    // Edits arrive as the room's own updates would: applied, flushed one batch at a time, compacted every 5.
    source.on("update", (update: Uint8Array) => {
      Y.applyUpdate(room.doc, update, "a connection");
      room.flush();
    });
    for (let i = 0; i < 12; i++) type(source, `edit ${i}. `);
    room.discard();

    const stored = store.load(sessionId);
    // 13 batches (the first edit is two: the paragraph, then its text): a snapshot after 10, then 3 merged into one part.
    expect(stored.updatesSinceSnapshot).toBe(3);
    expect(stored.parts.length).toBe(2);
    const fromParts = new Y.Doc();
    for (const part of stored.parts) Y.applyUpdate(fromParts, part);
    const fromState = new Y.Doc();
    Y.applyUpdate(fromState, stored.state!);
    const expected = source.getXmlFragment("notes").toString();
    expect(expected).toContain("edit 11.");
    expect(fromParts.getXmlFragment("notes").toString()).toBe(expected);
    expect(fromState.getXmlFragment("notes").toString()).toBe(expected);

    const reloaded = new Room(sessionId, store, { ...DEFAULT_ROOM_OPTIONS }, () => undefined);
    expect(reloaded.doc.getXmlFragment("notes").toString()).toBe(expected);
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(Y.encodeStateVector(source));
    reloaded.discard();
  });
});
