import type { RevisionKind, RevisionSummary, StoredNotes, StoredRevision } from "./notes-store";

/** A value now (SQLite, synchronous) or later (PostgreSQL, a network round trip). */
export type MaybePromise<T> = T | Promise<T>;

/**
 * What a store needs of a transaction someone else opened (a Prisma interactive
 * transaction: `tx` in `getPrisma().$transaction(async (tx) => …)`) to write its
 * rows in it. Structural, so the stores keep their SQL and import no Prisma.
 */
export interface SqlTransaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Where the notes documents are stored: the hot path of the app, kept out of
 * Prisma on both databases. Two implementations:
 * - `NotesStore` (notes-store.ts): embedded SQLite, synchronous (better-sqlite3),
 *   an append is committed when it returns;
 * - `PostgresNotesStore` (postgres-notes-store.ts): PostgreSQL, asynchronous, an
 *   append is committed when its promise resolves; appends from every room that
 *   arrive while a write is in flight go out together (group commit, one round
 *   trip per batch).
 * Callers that serve both `await` (or check for a promise) so SQLite keeps its
 * synchronous guarantees. Each method says what is durable when it resolves.
 */
export interface NotesStorage {
  /** True when a session with this id exists. */
  sessionExists(sessionId: string): MaybePromise<boolean>;
  /** A session's notes (snapshot plus later updates, merged, read consistently), creating the document row on first use. */
  load(sessionId: string): MaybePromise<StoredNotes>;
  /** Appends one (merged) update; committed when this returns or resolves. */
  append(sessionId: string, update: Uint8Array): MaybePromise<void>;
  /**
   * Folds the update log into a snapshot that contains `snapshot` and every
   * update stored so far (by this or any other instance), in one transaction.
   * May decline (false) when another instance is compacting the document or
   * an append to it is being committed: the caller tries again later.
   */
  compact(sessionId: string, snapshot: Uint8Array): MaybePromise<boolean | void>;
  /**
   * Writes a new session's notes (its first Yjs update and its readers' copy)
   * inside the caller's transaction, so they commit or roll back with the
   * session's other rows (an import: ARCHITECTURE.md, "Who calls the database").
   * The store's own SQL, run on the transaction's connection, not the store's.
   */
  createIn(tx: SqlTransaction, sessionId: string, update: Uint8Array, contentJson: string): Promise<void>;
  /** The generation of a session's notes, creating the document row on first use. */
  ensureGeneration(sessionId: string): MaybePromise<string>;
  /** Empty document, new generation, revisions kept. Returns the new generation. */
  recreate(sessionId: string): MaybePromise<string>;
  /**
   * Stores a revision. `coveredWithinMs` (automatic revisions, several
   * instances): when any instance took an automatic revision of this
   * document that recently, the authors are added to that one and it is
   * returned instead (one automatic revision per document per interval).
   */
  addRevision(
    sessionId: string,
    revision: {
      generation: string;
      kind: RevisionKind;
      name: string | null;
      state: Uint8Array;
      authors: string[];
      coveredWithinMs?: number;
    },
  ): MaybePromise<RevisionSummary>;
  /** Count and stored bytes of a session's named and restore revisions (never thinned), and the newest revision's size. */
  keptRevisionTotals(sessionId: string): MaybePromise<{ count: number; bytes: number; newestBytes: number }>;
  /** Newest first, without states. */
  listRevisions(sessionId: string): MaybePromise<RevisionSummary[]>;
  getRevision(sessionId: string, revisionId: string): MaybePromise<StoredRevision | null>;
  /** When the latest revision was taken (ms since epoch), or null. */
  lastRevisionAt(sessionId: string): MaybePromise<number | null>;
  /**
   * Stores the canonical JSON copy read by public pages and exports. May
   * answer false when the stored copy already was this one (another instance
   * with the document loaded wrote it first): then nobody needs telling.
   */
  writeContent(sessionId: string, json: string): MaybePromise<boolean | void>;
}
