import { randomUUID } from "node:crypto";
import type pg from "pg";
import * as Y from "yjs";
import { revisionsToDrop } from "../../lib/collab/revision-retention";
import type { NotesStorage, SqlTransaction } from "./notes-storage";
import { storedNotes } from "./stored-notes";
import {
  type RevisionKind,
  type RevisionSummary,
  type StoredNotes,
  type StoredRevision,
  toRevisionSummary,
} from "./notes-store";

interface QueuedAppend {
  sessionId: string;
  data: Buffer;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const bytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
/** Timestamps are TIMESTAMP(3) in UTC, as Prisma writes them. */
const NOW_UTC = `(now() AT TIME ZONE 'UTC')`;
/**
 * Advisory lock classes (the first key; the second is hashtext(sessionId)): appends take the
 * APPEND_FENCE shared, a compaction exclusively; COMPACTION_LOCK makes a compaction once per
 * document across instances.
 */
const APPEND_FENCE = 7301;
const COMPACTION_LOCK = 7302;
/** Automatic revisions of one document, one instance at a time. */
const REVISION_LOCK = 7303;
const AS_UTC = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The notes documents in PostgreSQL (see NotesStorage). Appends are group
 * committed: while one batch is being written, every append that arrives (from
 * any room) waits and then goes out as the next batch, in one statement (one
 * round trip, one commit), so the number of commits per second stays bounded
 * by the round-trip time instead of growing with the number of rooms.
 * Compaction and reads take row locks and consistent snapshots, because other
 * instances append to the same documents at the same time.
 */
export class PostgresNotesStore implements NotesStorage {
  private queue: QueuedAppend[] = [];
  private writing = false;

  constructor(readonly pool: pg.Pool) {}

  async sessionExists(sessionId: string): Promise<boolean> {
    return (await this.pool.query(`SELECT 1 FROM "Session" WHERE id = $1`, [sessionId])).rowCount === 1;
  }

  async load(sessionId: string): Promise<StoredNotes> {
    await this.ensureGeneration(sessionId);
    // One snapshot of the database for both reads: a compaction committed by another instance
    // between them would otherwise drop updates that the old snapshot does not contain.
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const doc = await client.query<{ generation: string; snapshot: Buffer | null; snapshotUpTo: number }>(
        `SELECT generation, snapshot, "snapshotUpTo" FROM "NotesDocument" WHERE "sessionId" = $1`,
        [sessionId],
      );
      const row = doc.rows[0];
      if (!row) throw new Error(`notes document for session ${sessionId} could not be created`);
      const updates = await client.query<{ data: Buffer }>(
        `SELECT data FROM "NotesUpdate" WHERE "sessionId" = $1 AND id > $2 ORDER BY id`,
        [sessionId, row.snapshotUpTo],
      );
      await client.query("COMMIT");
      return storedNotes(
        row.generation,
        row.snapshot ? new Uint8Array(row.snapshot) : null,
        updates.rows.map((r) => new Uint8Array(r.data)),
      );
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  append(sessionId: string, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ sessionId, data: bytes(update), resolve, reject });
      if (!this.writing) void this.writeQueued();
    });
  }

  /** Resolves once no append is queued or in flight (graceful shutdown), or after `timeoutMs`. */
  async drain(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.writing || this.queue.length > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  }

  /** Writes everything queued as one statement; what queues meanwhile is the next batch. */
  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.insert(batch);
        for (const a of batch) a.resolve();
      } catch (err) {
        if (batch.length === 1) {
          batch[0]!.reject(err);
          continue;
        }
        // One bad append (e.g. its session was deleted meanwhile) must not fail everyone's: write them
        // one by one, so only the bad one is refused. Nobody refused is told "stored"; its room retries.
        for (const a of batch) await this.insert([a]).then(a.resolve, a.reject);
      }
    }
    this.writing = false;
  }

  private async insert(batch: QueuedAppend[]): Promise<void> {
    // The shared append fence of every session in the batch is taken first and held until commit: a
    // compaction, which needs the fence exclusively, never folds the log while an append that took a
    // lower id is uncommitted. "First" means before the insert *and* before the update locks the
    // document's row: the sub-statements of a WITH run in no set order, and an update that locked the
    // row and then waited for the fence deadlocked with a compaction holding the fence and waiting for
    // that row (FOR UPDATE). So both gate on one CTE (evaluated once, as a one-time filter) that takes it.
    await this.pool.query(
      `WITH batch AS (SELECT * FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS b(sid, data, ord)),
            fence AS (SELECT count(pg_advisory_xact_lock_shared(${APPEND_FENCE}, hashtext(f.sid))) AS n FROM (SELECT DISTINCT sid FROM batch) f),
            stored AS (INSERT INTO "NotesUpdate" ("sessionId", data, "createdAt") SELECT sid, data, ${NOW_UTC} FROM batch
                         WHERE (SELECT n FROM fence) >= 0
                         ORDER BY ord RETURNING 1)
       UPDATE "NotesDocument" SET "updatedAt" = ${NOW_UTC} WHERE (SELECT n FROM fence) >= 0 AND "sessionId" IN (SELECT sid FROM batch)`,
      [batch.map((a) => a.sessionId), batch.map((a) => a.data)],
    );
  }

  /**
   * Resolves false when it did nothing because another instance is
   * compacting this document or an append to it is being committed (the
   * caller tries again later); true otherwise.
   */
  async compact(sessionId: string, snapshot: Uint8Array): Promise<boolean> {
    return this.transaction(async (client) => {
      // Once per document across instances, and never racing an append: both locks are tried, never
      // waited for (so no lock cycle with appends is possible), and held until this transaction ends.
      const { rows: locks } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_xact_lock(${COMPACTION_LOCK}, hashtext($1)) AND pg_try_advisory_xact_lock(${APPEND_FENCE}, hashtext($1)) AS ok`,
        [sessionId],
      );
      if (!locks[0]?.ok) return false;
      // Updates other instances stored that this one may not have applied yet are merged in, so none is dropped.
      const doc = await client.query<{ snapshot: Buffer | null; snapshotUpTo: number }>(
        `SELECT snapshot, "snapshotUpTo" FROM "NotesDocument" WHERE "sessionId" = $1 FOR UPDATE`,
        [sessionId],
      );
      const row = doc.rows[0];
      if (!row) return true;
      const updates = await client.query<{ id: number; data: Buffer }>(
        `SELECT id, data FROM "NotesUpdate" WHERE "sessionId" = $1 AND id > $2 ORDER BY id`,
        [sessionId, row.snapshotUpTo],
      );
      if (updates.rows.length === 0) return true;
      const last = updates.rows[updates.rows.length - 1]!.id;
      const merged = Y.mergeUpdates([
        ...(row.snapshot ? [new Uint8Array(row.snapshot)] : []),
        ...updates.rows.map((r) => new Uint8Array(r.data)),
        snapshot,
      ]);
      // Re-encoded through a document so the snapshot is as compact as Y.encodeStateAsUpdate makes it.
      const doc2 = new Y.Doc();
      Y.applyUpdate(doc2, merged);
      const compacted = Y.encodeStateAsUpdate(doc2);
      doc2.destroy();
      await client.query(
        `UPDATE "NotesDocument" SET snapshot = $1, "snapshotUpTo" = $2, "updatedAt" = ${NOW_UTC} WHERE "sessionId" = $3`,
        [bytes(compacted), last, sessionId],
      );
      await client.query(`DELETE FROM "NotesUpdate" WHERE "sessionId" = $1 AND id <= $2`, [sessionId, last]);
      return true;
    });
  }

  /** A new session's first update and readers' copy, written in the caller's transaction (see NotesStorage). */
  async createIn(tx: SqlTransaction, sessionId: string, update: Uint8Array, contentJson: string): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO "NotesDocument" ("sessionId", generation, "snapshotUpTo", "contentJson", "updatedAt")
       VALUES ($1, $2, 0, $3, ${NOW_UTC})`,
      sessionId,
      randomUUID(),
      contentJson,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "NotesUpdate" ("sessionId", data, "createdAt") VALUES ($1, $2, ${NOW_UTC})`,
      sessionId,
      bytes(update),
    );
  }

  async ensureGeneration(sessionId: string): Promise<string> {
    const { rows } = await this.pool.query<{ generation: string }>(
      `WITH created AS (
         INSERT INTO "NotesDocument" ("sessionId", generation, "snapshotUpTo", "contentJson", "updatedAt")
         VALUES ($1, $2, 0, '', ${NOW_UTC}) ON CONFLICT ("sessionId") DO NOTHING RETURNING generation)
       SELECT generation FROM created UNION ALL SELECT generation FROM "NotesDocument" WHERE "sessionId" = $1 LIMIT 1`,
      [sessionId, randomUUID()],
    );
    if (rows[0]) return rows[0].generation;
    // Another instance created the row at the same moment: the insert above waited for it and did
    // nothing, but that statement's snapshot predates it. A new statement sees it.
    const again = await this.pool.query<{ generation: string }>(
      `SELECT generation FROM "NotesDocument" WHERE "sessionId" = $1`,
      [sessionId],
    );
    if (!again.rows[0]) throw new Error(`notes document for session ${sessionId} could not be created`);
    return again.rows[0].generation;
  }

  async recreate(sessionId: string): Promise<string> {
    const generation = randomUUID();
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO "NotesDocument" ("sessionId", generation, "snapshotUpTo", "contentJson", "updatedAt")
         VALUES ($1, $2, 0, '', ${NOW_UTC})
         ON CONFLICT ("sessionId") DO UPDATE SET generation = $2, snapshot = NULL, "snapshotUpTo" = 0, "contentJson" = '', "updatedAt" = ${NOW_UTC}`,
        [sessionId, generation],
      );
      await client.query(`DELETE FROM "NotesUpdate" WHERE "sessionId" = $1`, [sessionId]);
    });
    return generation;
  }

  async addRevision(
    sessionId: string,
    revision: {
      generation: string;
      kind: RevisionKind;
      name: string | null;
      state: Uint8Array;
      authors: string[];
      coveredWithinMs?: number;
    },
  ): Promise<RevisionSummary> {
    const within = revision.coveredWithinMs;
    if (revision.kind === "auto" && within) {
      const covering = await this.transaction(async (client) => {
        // Serialises automatic revisions of one document across instances (released at commit).
        await client.query(`SELECT pg_advisory_xact_lock(${REVISION_LOCK}, hashtext($1))`, [sessionId]);
        const { rows } = await client.query<RevisionRow>(
          `SELECT id, generation, kind, name, authors, ${AS_UTC(`"createdAt"`)} AS "createdAt" FROM "Revision"
           WHERE "sessionId" = $1 AND kind = 'auto' AND generation = $2 AND "createdAt" > ${NOW_UTC} - make_interval(secs => $3)
           ORDER BY "createdAt" DESC LIMIT 1`,
          [sessionId, revision.generation, within / 1000],
        );
        const recent = rows[0];
        if (!recent) return this.insertRevision(client, sessionId, revision);
        const authors = [...new Set([...toRevisionSummary(recent).authors, ...revision.authors])].sort((a, b) =>
          a.localeCompare(b),
        );
        await client.query(`UPDATE "Revision" SET authors = $1 WHERE id = $2`, [JSON.stringify(authors), recent.id]);
        return toRevisionSummary({ ...recent, authors: JSON.stringify(authors) });
      });
      await this.thinRevisions(sessionId);
      return covering;
    }
    const summary = await this.insertRevision(this.pool, sessionId, revision);
    await this.thinRevisions(sessionId);
    return summary;
  }

  private async insertRevision(
    db: pg.Pool | pg.PoolClient,
    sessionId: string,
    revision: { generation: string; kind: RevisionKind; name: string | null; state: Uint8Array; authors: string[] },
  ): Promise<RevisionSummary> {
    const { rows } = await db.query<RevisionRow>(
      `INSERT INTO "Revision" (id, "sessionId", generation, kind, name, state, authors, "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${NOW_UTC})
       RETURNING id, generation, kind, name, authors, ${AS_UTC(`"createdAt"`)} AS "createdAt"`,
      [
        randomUUID(),
        sessionId,
        revision.generation,
        revision.kind,
        revision.name,
        bytes(revision.state),
        JSON.stringify(revision.authors),
      ],
    );
    return toRevisionSummary(rows[0]!);
  }

  /** Thins automatic revisions like the SQLite store (lib/collab/revision-retention.ts). */
  private async thinRevisions(sessionId: string): Promise<void> {
    const drop = revisionsToDrop(
      (await this.revisionSizes(sessionId)).map((r) => ({ ...r, createdAt: Date.parse(r.createdAt) })),
      Date.now(),
    );
    if (drop.length > 0)
      await this.pool.query(`DELETE FROM "Revision" WHERE "sessionId" = $1 AND id = ANY($2::text[])`, [
        sessionId,
        drop,
      ]);
  }

  async keptRevisionTotals(sessionId: string): Promise<{ count: number; bytes: number; newestBytes: number }> {
    const rows = await this.revisionSizes(sessionId);
    const kept = rows.filter((r) => r.kind !== "auto");
    const newest = rows.reduce<{ createdAt: string; bytes: number } | null>(
      (n, r) => (!n || r.createdAt > n.createdAt ? r : n),
      null,
    );
    return { count: kept.length, bytes: kept.reduce((sum, r) => sum + r.bytes, 0), newestBytes: newest?.bytes ?? 0 };
  }

  private async revisionSizes(
    sessionId: string,
  ): Promise<Array<{ id: string; kind: RevisionKind; createdAt: string; bytes: number }>> {
    const { rows } = await this.pool.query<{
      id: string;
      kind: RevisionKind;
      createdAt: string;
      bytes: string | number;
    }>(
      `SELECT id, kind, ${AS_UTC(`"createdAt"`)} AS "createdAt", octet_length(state) AS bytes FROM "Revision" WHERE "sessionId" = $1`,
      [sessionId],
    );
    return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
  }

  async listRevisions(sessionId: string): Promise<RevisionSummary[]> {
    const { rows } = await this.pool.query<RevisionRow>(
      `SELECT id, generation, kind, name, authors, ${AS_UTC(`"createdAt"`)} AS "createdAt"
       FROM "Revision" WHERE "sessionId" = $1 ORDER BY "createdAt" DESC, ctid DESC`,
      [sessionId],
    );
    return rows.map(toRevisionSummary);
  }

  async getRevision(sessionId: string, revisionId: string): Promise<StoredRevision | null> {
    const { rows } = await this.pool.query<RevisionRow & { state: Buffer }>(
      `SELECT id, generation, kind, name, authors, ${AS_UTC(`"createdAt"`)} AS "createdAt", state
       FROM "Revision" WHERE "sessionId" = $1 AND id = $2`,
      [sessionId, revisionId],
    );
    const row = rows[0];
    return row ? { ...toRevisionSummary(row), state: new Uint8Array(row.state) } : null;
  }

  async lastRevisionAt(sessionId: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      `SELECT ${AS_UTC(`MAX("createdAt")`)} AS at FROM "Revision" WHERE "sessionId" = $1`,
      [sessionId],
    );
    return rows[0]?.at ? Date.parse(rows[0].at) : null;
  }

  /** False when the stored copy already was `json` (written by another instance with the document loaded). */
  async writeContent(sessionId: string, json: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE "NotesDocument" SET "contentJson" = $1, "updatedAt" = ${NOW_UTC} WHERE "sessionId" = $2 AND "contentJson" IS DISTINCT FROM $1`,
      [json, sessionId],
    );
    return rowCount === 1;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
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
