import fs from "node:fs";
import pg from "pg";
import { AppError } from "../../lib/errors/app-error";
import { closeSqlite, getSqlite } from "../db/get-sqlite";
import { applyMigrations } from "../db/migrate";
import { applyPostgresMigrations } from "../db/migrate-postgres";
import { disconnectPrisma } from "../db/prisma";
import { type AppEnv, readEnv } from "../env";
import { closeStores } from "../get-stores";

/**
 * The database as a command uses it: config, and how to let go of its connections. The data
 * functions a command calls reach the stores through getStores().
 */
export interface CliDatabase {
  env: AppEnv;
  /** Lets go of the stores, the SQLite connection and Prisma, so the process can exit. */
  close(): Promise<void>;
}

/**
 * Opens the database named by DATABASE_URL (a SQLite file or PostgreSQL) and
 * applies pending migrations, so commands work on a fresh database or one
 * left by an older version (PostgreSQL: under the migrator's advisory lock, so
 * a command run next to starting instances migrates once). With `mustExist`,
 * a missing SQLite file is an error (nothing is created): commands that only
 * read should not leave empty databases behind a mistyped DATABASE_URL. A
 * PostgreSQL database must exist already (its server refuses a connection to
 * one that does not).
 */
export async function openCliDatabase(options: { mustExist: boolean }): Promise<CliDatabase> {
  const env = readEnv();
  if (env.database.kind === "sqlite") {
    if (options.mustExist && !fs.existsSync(env.database.path)) {
      throw new AppError(
        "not_found",
        `No database at ${env.database.path}; set DATABASE_URL to your Talknotes database (file:... or postgres://...) or import notes first`,
      );
    }
    applyMigrations(getSqlite());
  } else {
    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      await applyPostgresMigrations(client);
    } finally {
      await client.end();
    }
  }
  return {
    env,
    async close() {
      await closeStores();
      closeSqlite();
      await disconnectPrisma();
    },
  };
}
