import fs from "node:fs";
import type Database from "better-sqlite3";
import { AppError } from "../../lib/errors/app-error";
import { NotesStore } from "../collab/notes-store";
import { applyMigrations } from "../db/migrate";
import { openSqlite } from "../db/open-sqlite";
import { getPrisma } from "../db/prisma";
import { type AppEnv, readEnv } from "../env";

/** The database as a command uses it: config, a raw connection, the notes store, and how to let go of both. */
export interface CliDatabase {
  env: AppEnv;
  db: Database.Database;
  store: NotesStore;
  /** Closes the raw connection and disconnects Prisma, so the process can exit. */
  close(): Promise<void>;
}

/**
 * Opens the database named by DATABASE_URL and applies pending migrations,
 * so commands work on a fresh file or one left by an older version. With
 * `mustExist`, a missing file is an error (nothing is created): commands that
 * only read should not leave empty databases behind a mistyped DATABASE_URL.
 */
export function openCliDatabase(options: { mustExist: boolean }): CliDatabase {
  const env = readEnv();
  if (options.mustExist && !fs.existsSync(env.databasePath)) {
    throw new AppError(
      "not_found",
      `No database at ${env.databasePath}; set DATABASE_URL to your Talknotes database (file:...) or import notes first`,
    );
  }
  const db = openSqlite(env.databasePath);
  applyMigrations(db);
  return {
    env,
    db,
    store: new NotesStore(db),
    async close() {
      db.close();
      await getPrisma().$disconnect();
    },
  };
}
