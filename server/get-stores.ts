import pg from "pg";
import type { NotesStorage } from "./collab/notes-storage";
import { NotesStore } from "./collab/notes-store";
import { PostgresNotesStore } from "./collab/postgres-notes-store";
import { PostgresNotesSearchIndex } from "./data/postgres-search-index";
import { NotesSearchIndex } from "./data/search-index";
import { getSqlite } from "./db/get-sqlite";
import { readEnv } from "./env";

/** The stores that keep their own SQL (ARCHITECTURE.md, "Who calls the database"). */
export interface Stores {
  /** The notes documents: Yjs updates, snapshots, revisions, the readers' copy. */
  notes: NotesStorage;
  /** Full-text index of the readers' copies. */
  search: NotesSearchIndex | PostgresNotesSearchIndex;
}

interface Held {
  stores: Stores;
  /** Lets go of what getStores opened itself; nothing for the server's own (it closes them at shutdown). */
  close(): Promise<void>;
}

const holder = globalThis as unknown as { __talknotesStores?: Held };

/**
 * The process's stores: the one way a data function reaches them. In the
 * server they are the ones server/index.ts built on its connections and
 * registered (`setStores`), the same the rooms write to; anywhere else (the
 * CLI, tests, scripts) they are opened on first use on DATABASE_URL's
 * database: SQLite on getSqlite()'s connection, PostgreSQL on a small pool of
 * their own, let go by `closeStores()`. Kept on globalThis because the custom
 * server and Next's bundled route code are separate module graphs in one
 * process. Migrations are not applied here (server start-up and
 * openCliDatabase do that).
 */
export function getStores(): Stores {
  if (!holder.__talknotesStores) {
    const { database } = readEnv();
    if (database.kind === "sqlite") {
      const db = getSqlite();
      // The connection is the process's (closeSqlite), not these stores'.
      holder.__talknotesStores = {
        stores: { notes: new NotesStore(db), search: new NotesSearchIndex(db) },
        async close() {},
      };
    } else {
      // Outside the server one thing happens at a time: a load's snapshot plus an append is two connections.
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      pool.on("error", (err) => console.error("[db] idle PostgreSQL connection failed", err));
      const notes = new PostgresNotesStore(pool);
      holder.__talknotesStores = {
        stores: { notes, search: new PostgresNotesSearchIndex(pool) },
        async close() {
          await notes.drain();
          await pool.end();
        },
      };
    }
  }
  return holder.__talknotesStores.stores;
}

/** Registers the running server's stores (server/index.ts, before anything can ask for them). */
export function setStores(stores: Stores): void {
  holder.__talknotesStores = { stores, async close() {} };
}

/** Lets go of the stores getStores opened (a command's end); the next getStores() opens them again. */
export async function closeStores(): Promise<void> {
  const held = holder.__talknotesStores;
  holder.__talknotesStores = undefined;
  await held?.close();
}
