import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { listMigrations, type MigrationResult } from "./migrate";

/** PostgreSQL's migration folders: the same schema as prisma/migrations, in PostgreSQL's types. */
export const POSTGRES_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations-postgres");

/** Any constant: the advisory lock that lets one of several starting instances migrate at a time. */
const MIGRATION_LOCK = 7_041_311;

/**
 * The PostgreSQL twin of `applyMigrations` (server/db/migrate.ts): applies
 * `prisma/migrations-postgres/<timestamp>_<name>/migration.sql` in order, each
 * in its own transaction, recorded in `_talknotes_migrations`. Instances that
 * start together wait on an advisory lock, so each migration runs once.
 */
export async function applyPostgresMigrations(
  client: pg.ClientBase,
  dir = POSTGRES_MIGRATIONS_DIR,
): Promise<MigrationResult> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "_talknotes_migrations" (
      "name" TEXT NOT NULL PRIMARY KEY,
      "appliedAt" TEXT NOT NULL
    )`);
    const done = new Set(
      (await client.query<{ name: string }>(`SELECT name FROM "_talknotes_migrations"`)).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const name of listMigrations(dir)) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_talknotes_migrations" (name, "appliedAt") VALUES ($1, $2)`, [
          name,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
