import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import * as Y from "yjs";

/** What is stored for one session's notes, merged into one Yjs update. */
export interface StoredNotes {
  generation: string;
  /** Snapshot plus every update after it, merged; null for a new document. */
  state: Uint8Array | null;
  /** Updates stored after the snapshot (drives compaction). */
  updatesSinceSnapshot: number;
  /** Bytes of snapshot plus update log. */
  storedBytes: number;
}

/**
 * The SQLite side of the notes documents. Synchronous on purpose
 * (better-sqlite3): a room is fully loaded before its first message is
 * handled, and an append is durable (WAL, committed) when `append` returns.
 * This is the hot path, so it bypasses Prisma (~1 ms per insert there).
 */
export class NotesStore {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      doc: db.prepare(
        `SELECT generation, snapshot, snapshotUpTo FROM "NotesDocument" WHERE sessionId = ?`,
      ),
      updates: db.prepare(`SELECT id, data FROM "NotesUpdate" WHERE sessionId = ? AND id > ? ORDER BY id`),
      sessionExists: db.prepare(`SELECT 1 FROM "Session" WHERE id = ?`),
      createDoc: db.prepare(
        `INSERT OR IGNORE INTO "NotesDocument" (sessionId, generation, snapshotUpTo, contentJson, updatedAt)
         VALUES (?, ?, 0, '', ?)`,
      ),
      append: db.prepare(`INSERT INTO "NotesUpdate" (sessionId, data, createdAt) VALUES (?, ?, ?)`),
      touch: db.prepare(`UPDATE "NotesDocument" SET updatedAt = ? WHERE sessionId = ?`),
      setSnapshot: db.prepare(
        `UPDATE "NotesDocument" SET snapshot = ?, snapshotUpTo = ?, updatedAt = ? WHERE sessionId = ?`,
      ),
      dropUpTo: db.prepare(`DELETE FROM "NotesUpdate" WHERE sessionId = ? AND id <= ?`),
      lastId: db.prepare(`SELECT MAX(id) AS id FROM "NotesUpdate" WHERE sessionId = ?`),
      setContent: db.prepare(`UPDATE "NotesDocument" SET contentJson = ?, updatedAt = ? WHERE sessionId = ?`),
    };
  }

  /** True when a session with this id exists. */
  sessionExists(sessionId: string): boolean {
    return this.stmts.sessionExists.get(sessionId) !== undefined;
  }

  /** Loads a session's notes, creating the document row (and its generation) on first use. */
  load(sessionId: string): StoredNotes {
    this.stmts.createDoc.run(sessionId, randomUUID(), new Date().toISOString());
    const row = this.stmts.doc.get(sessionId) as
      | { generation: string; snapshot: Buffer | null; snapshotUpTo: number }
      | undefined;
    if (!row) throw new Error(`notes document for session ${sessionId} could not be created`);
    const rows = this.stmts.updates.all(sessionId, row.snapshotUpTo) as Array<{ id: number; data: Buffer }>;
    const parts: Uint8Array[] = [];
    let storedBytes = 0;
    if (row.snapshot) {
      parts.push(new Uint8Array(row.snapshot));
      storedBytes += row.snapshot.byteLength;
    }
    for (const r of rows) {
      parts.push(new Uint8Array(r.data));
      storedBytes += r.data.byteLength;
    }
    return {
      generation: row.generation,
      state: parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
      updatesSinceSnapshot: rows.length,
      storedBytes,
    };
  }

  /** Appends one (merged) update; durable when this returns. */
  append(sessionId: string, update: Uint8Array): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmts.append.run(sessionId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), now);
      this.stmts.touch.run(now, sessionId);
    })();
  }

  /**
   * Replaces the update log with a snapshot of the full state. The caller
   * guarantees `snapshot` contains every update appended so far (the room
   * flushes first, in the same tick), so nothing can fall between the two.
   */
  compact(sessionId: string, snapshot: Uint8Array): void {
    this.db.transaction(() => {
      const last = (this.stmts.lastId.get(sessionId) as { id: number | null }).id ?? 0;
      this.stmts.setSnapshot.run(
        Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength),
        last,
        new Date().toISOString(),
        sessionId,
      );
      this.stmts.dropUpTo.run(sessionId, last);
    })();
  }

  /** Stores the canonical JSON copy read by public pages and exports. */
  writeContent(sessionId: string, json: string): void {
    this.stmts.setContent.run(json, new Date().toISOString(), sessionId);
  }
}
