import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { seededRandom } from "../../lib/random/seeded-random";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { notesToInterchange } from "../../lib/schema/notes-to-interchange";
import { randomNotesEdit } from "../support/random-notes-edit";
import type { RunningServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced, waitFor } from "../support/yclient";

/**
 * The server renders the readers' copy incrementally (server/collab/readers-copy-blocks.ts): after rounds of
 * random edits by a real y-websocket client, each followed by the room's render, the stored copy's blocks
 * must be exactly those a full render of the client's document gives. A block the server failed to render
 * again keeps its old text and never matches.
 */
let db: SeededServer["db"];
let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  ({ server, db, sessionId, token } = await startSeededServer({ prefix: "talknotes-readers-copy-" }));
});

afterAll(async () => {
  await server?.stop();
});

/** The blocks of a full render of `doc` (from a copy: readers never change the document they read). */
function fullBlocks(doc: Y.Doc): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  try {
    const meta = {
      conference: { name: "" },
      session: { title: "", kind: "panel", intro: "" },
      people: [],
    } as unknown as Parameters<typeof notesToInterchange>[1];
    return JSON.stringify(notesToInterchange(notesFromYDoc(copy), meta).blocks);
  } finally {
    copy.destroy();
  }
}

describe("incremental readers' copy through the real server", () => {
  it("stores the blocks a full render gives after every round of random edits", async () => {
    const sqlite = new Database(db.file, { readonly: true });
    const read = sqlite.prepare(`SELECT contentJson FROM "NotesDocument" WHERE sessionId = ?`);
    const storedBlocks = () => {
      const row = read.get(sessionId) as { contentJson: string } | undefined;
      return row?.contentJson ? JSON.stringify((JSON.parse(row.contentJson) as TalkNotesDocument).blocks) : "";
    };
    const client = connectClient(server.wsUrl, sessionId, { token });
    try {
      await synced(client);
      const people = ["pada0000000000000001", "pcleo0000000000000002"];
      const random = seededRandom(23);
      const kinds = new Set<string>();
      for (let round = 0; round < 8; round++) {
        for (let e = 0; e < 6; e++) kinds.add(randomNotesEdit(client.doc, random, people));
        const expected = fullBlocks(client.doc);
        await waitFor(() => storedBlocks() === expected, 20_000, `the readers' copy of round ${round}`);
      }
      expect(kinds.size).toBeGreaterThan(5);
    } finally {
      client.destroy();
      sqlite.close();
    }
  });
});
