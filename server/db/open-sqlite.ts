import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Opens the SQLite file with the settings every connection of this app uses:
 * WAL (readers never block the writer), NORMAL sync (durable across process
 * crashes; an OS crash may lose the last transactions), foreign keys on.
 */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db;
}
