import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeSessionPerson } from "../../lib/collab/session-people";
import { trackSaves } from "../../app/collab/save-tracker";
import { firstNoteText } from "../support/first-note-text";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced, waitFor } from "../support/yclient";

/**
 * ARCHITECTURE.md, "Who calls the database": on SQLite the people mirror writes Person /
 * SessionPerson through Prisma's connection while the notes store appends on its own, in one
 * thread. A Prisma transaction that let the event loop run would hold SQLite's write lock while
 * an append waited for it synchronously (5 s, then "database is locked"). Here a note-taker edits
 * the session's people (as typing a name in the header does, one change per keystroke) while
 * typing notes: every edit is confirmed, quickly, the tables end as the document says, and the
 * server never reports a locked database.
 */
let seeded: SeededServer;

beforeAll(async () => {
  seeded = await startSeededServer({ prefix: "talknotes-people-typing-" });
});
afterAll(async () => {
  await seeded?.server.stop();
});

it("people edits and typing at once: all confirmed, mirrored, never locked", { timeout: 120_000 }, async () => {
  const client = connectClient(seeded.server.wsUrl, seeded.sessionId, { token: seeded.token, connect: false });
  const tracker = trackSaves(client.provider, { probeDelayMs: 0 });
  try {
    client.provider.connect();
    await synced(client);
    const text = firstNoteText(client.doc);
    const started = Date.now();
    let slowest = 0;
    for (let i = 0; i < 60; i++) {
      const id = `ptyping${String(i % 4).padStart(5, "0")}`;
      writeSessionPerson(client.doc, id, { name: `Speaker ${i}`, role: "panelist", position: i % 4 });
      text.insert(text.length, `word${i} `);
      const sent = Date.now();
      await waitFor(() => tracker.pending === 0, 15_000, `edit ${i} confirmed`);
      slowest = Math.max(slowest, Date.now() - sent);
    }
    // A 5 s lock wait would show here; a loaded machine stays well under it.
    expect(slowest).toBeLessThan(4_000);
    const sqlite = new Database(seeded.db.file, { readonly: true });
    try {
      const row = () =>
        sqlite.prepare(`SELECT name FROM "Person" WHERE id = ?`).get("ptyping00003") as { name: string } | undefined;
      await waitFor(() => row()?.name === "Speaker 59", 10_000, "the last name mirrored");
    } finally {
      sqlite.close();
    }
    expect(seeded.server.output()).not.toMatch(/database is locked|SQLITE_BUSY/);
    console.log(`60 people edits with typing: ${Date.now() - started} ms, slowest confirmation ${slowest} ms`);
  } finally {
    tracker.destroy();
    client.destroy();
  }
});
