import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { revisionsToDrop } from "../../lib/collab/revision-retention";
import type { NotesStorage, SqlTransaction } from "./notes-storage";
import { storedNotes } from "./stored-notes";

/** What is stored for one session's notes, merged into one Yjs update. */
export interface StoredNotes {
  generation: string;
  /** Snapshot plus every update after it, merged; null for a new document. Merged when first read. */
  readonly state: Uint8Array | null;
  /**
   * The same content as `state`, unmerged: the snapshot, then the log merged into one update. Applying
   * these is what a room does: merging a large snapshot with its log decodes and re-encodes the whole
   * document, which cost more than applying it (the load-time goal, row 3 of BENCHMARKS.md's Goals).
   */
  parts: Uint8Array[];
  /** Updates stored after the snapshot (drives compaction). */
  updatesSinceSnapshot: number;
  /** Bytes of snapshot plus update log. */
  storedBytes: number;
}

/** One stored revision, without its state (what a history list shows). */
export interface RevisionSummary {
  id: string;
  generation: string;
  /** auto: taken while people edit; named: asked for by a note-taker; restore: the state right after a restore. */
  kind: RevisionKind;
  name: string | null;
  /** Display names of the people whose edits reached the server since the previous revision. */
  authors: string[];
  /** ISO timestamp. */
  createdAt: string;
}

export type RevisionKind = "auto" | "named" | "restore";

/** A revision with its full document state (`Y.encodeStateAsUpdate`). */
export interface StoredRevision extends RevisionSummary {
  state: Uint8Array;
}

/**
 * The SQLite side of the notes documents. Synchronous on purpose
 * (better-sqlite3): a room is fully loaded before its first message is
 * handled, and an append is durable (WAL, committed) when `append` returns.
 * This is the hot path, so it bypasses Prisma (~1 ms per insert there).
 */
export class NotesStore implements NotesStorage {
  private readonly stmts;

  constructor(readonly db: Database.Database) {
    this.stmts = {
      doc: db.prepare(`SELECT generation, snapshot, snapshotUpTo FROM "NotesDocument" WHERE sessionId = ?`),
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
      generation: db.prepare(`SELECT generation FROM "NotesDocument" WHERE sessionId = ?`),
      dropAll: db.prepare(`DELETE FROM "NotesUpdate" WHERE sessionId = ?`),
      reset: db.prepare(
        `UPDATE "NotesDocument" SET generation = ?, snapshot = NULL, snapshotUpTo = 0, contentJson = '', updatedAt = ? WHERE sessionId = ?`,
      ),
      addRevision: db.prepare(
        `INSERT INTO "Revision" (id, sessionId, generation, kind, name, state, authors, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listRevisions: db.prepare(
        `SELECT id, generation, kind, name, authors, createdAt FROM "Revision" WHERE sessionId = ? ORDER BY createdAt DESC, rowid DESC`,
      ),
      getRevision: db.prepare(
        `SELECT id, generation, kind, name, authors, createdAt, state FROM "Revision" WHERE sessionId = ? AND id = ?`,
      ),
      lastRevisionAt: db.prepare(`SELECT MAX(createdAt) AS at FROM "Revision" WHERE sessionId = ?`),
      revisionSizes: db.prepare(
        `SELECT id, kind, createdAt, length(state) AS bytes FROM "Revision" WHERE sessionId = ?`,
      ),
      dropRevision: db.prepare(`DELETE FROM "Revision" WHERE sessionId = ? AND id = ?`),
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
      { generation: string; snapshot: Buffer | null; snapshotUpTo: number } | undefined;
    if (!row) throw new Error(`notes document for session ${sessionId} could not be created`);
    const rows = this.stmts.updates.all(sessionId, row.snapshotUpTo) as Array<{ id: number; data: Buffer }>;
    return storedNotes(
      row.generation,
      row.snapshot ? new Uint8Array(row.snapshot) : null,
      rows.map((r) => new Uint8Array(r.data)),
    );
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

  /** A new session's first update and readers' copy, written in the caller's transaction (see NotesStorage). */
  async createIn(tx: SqlTransaction, sessionId: string, update: Uint8Array, contentJson: string): Promise<void> {
    const now = new Date().toISOString();
    await tx.$executeRawUnsafe(
      `INSERT INTO "NotesDocument" (sessionId, generation, snapshotUpTo, contentJson, updatedAt) VALUES (?, ?, 0, ?, ?)`,
      sessionId,
      randomUUID(),
      contentJson,
      now,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "NotesUpdate" (sessionId, data, createdAt) VALUES (?, ?, ?)`,
      sessionId,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      now,
    );
  }

  /** The generation of a session's notes, creating the document row on first use. */
  ensureGeneration(sessionId: string): string {
    this.stmts.createDoc.run(sessionId, randomUUID(), new Date().toISOString());
    return (this.stmts.generation.get(sessionId) as { generation: string }).generation;
  }

  /**
   * Re-creates a session's notes: empty document, new generation, in one
   * transaction. Local copies of the old generation are refused by the collab
   * server (CloseCode.StaleGeneration) and discarded by the editor, so they can
   * never merge into the new document. Revisions are kept (restoring one
   * applies its content, not its Yjs history). Returns the new generation.
   */
  recreate(sessionId: string): string {
    const generation = randomUUID();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmts.createDoc.run(sessionId, generation, now);
      this.stmts.dropAll.run(sessionId);
      this.stmts.reset.run(generation, now, sessionId);
    })();
    return generation;
  }

  /**
   * Stores a revision (the full state of the document) and returns its summary.
   * Then thins the session's automatic revisions (lib/collab/revision-retention.ts),
   * so history stays within its count and byte caps however long a session is edited.
   */
  addRevision(
    sessionId: string,
    revision: { generation: string; kind: RevisionKind; name: string | null; state: Uint8Array; authors: string[] },
  ): RevisionSummary {
    const summary: RevisionSummary = {
      id: randomUUID(),
      generation: revision.generation,
      kind: revision.kind,
      name: revision.name,
      authors: revision.authors,
      createdAt: new Date().toISOString(),
    };
    this.stmts.addRevision.run(
      summary.id,
      sessionId,
      summary.generation,
      summary.kind,
      summary.name,
      Buffer.from(revision.state.buffer, revision.state.byteOffset, revision.state.byteLength),
      JSON.stringify(summary.authors),
      summary.createdAt,
    );
    const revisions = (
      this.stmts.revisionSizes.all(sessionId) as Array<{
        id: string;
        kind: RevisionKind;
        createdAt: string;
        bytes: number;
      }>
    ).map((r) => ({
      ...r,
      createdAt: Date.parse(r.createdAt),
    }));
    const drop = revisionsToDrop(revisions, Date.now());
    if (drop.length > 0) this.db.transaction(() => drop.forEach((id) => this.stmts.dropRevision.run(sessionId, id)))();
    return summary;
  }

  /** Count and stored bytes of a session's named and restore revisions (which are never thinned). */
  keptRevisionTotals(sessionId: string): { count: number; bytes: number; newestBytes: number } {
    const rows = this.stmts.revisionSizes.all(sessionId) as Array<{
      kind: RevisionKind;
      createdAt: string;
      bytes: number;
    }>;
    const kept = rows.filter((r) => r.kind !== "auto");
    const newest = rows.reduce<{ createdAt: string; bytes: number } | null>(
      (n, r) => (!n || r.createdAt > n.createdAt ? r : n),
      null,
    );
    return { count: kept.length, bytes: kept.reduce((sum, r) => sum + r.bytes, 0), newestBytes: newest?.bytes ?? 0 };
  }

  /** A session's revisions, newest first, without their states. */
  listRevisions(sessionId: string): RevisionSummary[] {
    return (this.stmts.listRevisions.all(sessionId) as RevisionRow[]).map(toRevisionSummary);
  }

  /** One revision with its state, or null. */
  getRevision(sessionId: string, revisionId: string): StoredRevision | null {
    const row = this.stmts.getRevision.get(sessionId, revisionId) as (RevisionRow & { state: Buffer }) | undefined;
    return row ? { ...toRevisionSummary(row), state: new Uint8Array(row.state) } : null;
  }

  /** When the latest revision of a session was taken (ms since epoch), or null. */
  lastRevisionAt(sessionId: string): number | null {
    const at = (this.stmts.lastRevisionAt.get(sessionId) as { at: string | null }).at;
    return at ? Date.parse(at) : null;
  }

  /** Stores the canonical JSON copy read by public pages and exports. */
  writeContent(sessionId: string, json: string): void {
    this.stmts.setContent.run(json, new Date().toISOString(), sessionId);
  }
}

interface RevisionRow {
  id: string;
  generation: string;
  kind: string;
  name: string | null;
  authors: string;
  createdAt: string;
}

/** A revision row (authors as stored JSON) as the history list shows it; shared by both stores. */
export function toRevisionSummary(row: RevisionRow): RevisionSummary {
  let authors: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.authors);
    if (Array.isArray(parsed)) authors = parsed.filter((a): a is string => typeof a === "string");
  } catch {
    // A damaged author list only loses the attribution, never the revision.
  }
  return {
    id: row.id,
    generation: row.generation,
    kind: row.kind === "named" || row.kind === "restore" ? row.kind : "auto",
    name: row.name,
    authors,
    createdAt: row.createdAt,
  };
}
