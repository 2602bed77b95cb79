import fs from "node:fs";
import { AppError } from "../../lib/errors/app-error";
import type { NotesStorage } from "../collab/notes-storage";
import { openNotesStorage } from "../collab/open-notes-storage";
import { closeSqlite } from "../db/get-sqlite";
import { disconnectPrisma } from "../db/prisma";
import { type AppEnv, readEnv } from "../env";

/** The database as a command uses it: config, the notes store, and how to let go of its connections. */
export interface CliDatabase {
  env: AppEnv;
  /** The notes store of DATABASE_URL's database: SQLite or PostgreSQL. */
  store: NotesStorage;
  /** Closes the notes store's connection and disconnects Prisma, so the process can exit. */
  close(): Promise<void>;
}

/**
 * Opens the database named by DATABASE_URL (a SQLite file or PostgreSQL) and
 * applies pending migrations, so commands work on a fresh database or one
 * left by an older version. With `mustExist`, a missing SQLite file is an
 * error (nothing is created): commands that only read should not leave empty
 * databases behind a mistyped DATABASE_URL. A PostgreSQL database must exist
 * already (its server refuses a connection to one that does not).
 */
export async function openCliDatabase(options: { mustExist: boolean }): Promise<CliDatabase> {
  const env = readEnv();
  if (env.database.kind === "sqlite" && options.mustExist && !fs.existsSync(env.database.path)) {
    throw new AppError(
      "not_found",
      `No database at ${env.database.path}; set DATABASE_URL to your Talknotes database (file:... or postgres://...) or import notes first`,
    );
  }
  const opened = await openNotesStorage(env.database, { migrate: true });
  return {
    env,
    store: opened.storage,
    async close() {
      await opened.close();
      closeSqlite();
      await disconnectPrisma();
    },
  };
}
