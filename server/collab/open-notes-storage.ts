import pg from "pg";
import { getSqlite } from "../db/get-sqlite";
import type { DatabaseConfig } from "../env";
import { NotesStore } from "./notes-store";
import type { NotesStorage } from "./notes-storage";
import { PostgresNotesStore } from "./postgres-notes-store";

/** A notes store opened outside the running server, and how to let go of its connection. */
export interface OpenedNotesStorage {
  storage: NotesStorage;
  /** Waits for queued appends, then closes the connection (PostgreSQL; SQLite's is the process's own, see getSqlite). */
  close(): Promise<void>;
}

/**
 * The notes store of the database DATABASE_URL names, for code that runs
 * outside the server (the CLI, exports from tests or scripts): SQLite or
 * PostgreSQL, so an import or re-create made from the command line lands in
 * the same store the instances' rooms read. With `migrate`, pending
 * migrations are applied first (PostgreSQL: under the migrator's advisory
 * lock, so a CLI run next to starting instances migrates once).
 */
export async function openNotesStorage(
  database: DatabaseConfig,
  options: { migrate: boolean },
): Promise<OpenedNotesStorage> {
  if (database.kind === "sqlite") {
    // The process's one SQLite connection (server/db/get-sqlite.ts), on DATABASE_URL's file as `database` is.
    // It stays open for the process's other users: whoever ends the process closes it (closeSqlite).
    const db = getSqlite();
    if (options.migrate) (await migrators()).applyMigrations(db);
    return {
      storage: new NotesStore(db),
      async close() {},
    };
  }
  // A command does one thing at a time: two connections (a load's snapshot plus an append) are plenty.
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on("error", (err) => console.error("[db] idle PostgreSQL connection failed", err));
  try {
    if (options.migrate) {
      const client = await pool.connect();
      try {
        await (await migrators()).applyPostgresMigrations(client);
      } finally {
        client.release();
      }
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  const storage = new PostgresNotesStore(pool);
  return {
    storage,
    async close() {
      await storage.drain();
      await pool.end();
    },
  };
}

/**
 * The migrators, loaded only when asked for: they locate their folders from
 * their own module path at load time, which Next's bundle of route code (that
 * reads notes through this file, never migrating) does not have.
 */
async function migrators() {
  const [{ applyMigrations }, { applyPostgresMigrations }] = await Promise.all([
    import("../db/migrate"),
    import("../db/migrate-postgres"),
  ]);
  return { applyMigrations, applyPostgresMigrations };
}
