import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Opens the SQLite file with the settings every connection of this app uses:
 * WAL (readers never block the writer), NORMAL sync (durable across process
 * crashes; an OS crash may lose the last transactions), foreign keys on.
 *
 * A new data directory is created 0700 and a new database file 0600: they hold
 * every draft, password hash and token hash, so other local accounts must not
 * read them. SQLite gives its -wal and -shm files the database file's mode.
 */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // "a" creates the file if missing (with this mode) and never truncates an existing one.
  fs.closeSync(fs.openSync(file, "a", 0o600));
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db;
}
