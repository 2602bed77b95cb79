import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

/** Where the standard Prisma migration folders live. */
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** `<timestamp>_<name>` migration folders under `dir`, in the order they apply. */
export function listMigrations(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+_/.test(e.name))
    .map((e) => e.name)
    .sort();
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies `prisma/migrations/<timestamp>_<name>/migration.sql` folders in order,
 * each in its own transaction, recording them in `_talknotes_migrations`.
 *
 * Why not `prisma migrate deploy`: it needs a native schema engine downloaded at
 * run time, which fails on air-gapped servers. The SQL is the same files Prisma
 * would apply, so switching back later is a matter of seeding `_prisma_migrations`.
 */
export function applyMigrations(db: Database.Database, dir = MIGRATIONS_DIR): MigrationResult {
  db.exec(`CREATE TABLE IF NOT EXISTS "_talknotes_migrations" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "appliedAt" TEXT NOT NULL
  )`);
  const done = new Set(
    db
      .prepare(`SELECT name FROM "_talknotes_migrations"`)
      .all()
      .map((r) => (r as { name: string }).name),
  );
  const folders = listMigrations(dir);
  const applied: string[] = [];
  const record = db.prepare(`INSERT INTO "_talknotes_migrations" (name, appliedAt) VALUES (?, ?)`);
  for (const name of folders) {
    if (done.has(name)) continue;
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    db.transaction(() => {
      db.exec(sql);
      record.run(name, new Date().toISOString());
    })();
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}
