import path from "node:path";
import { applyMigrations } from "../../server/db/migrate";
import { openSqlite } from "../../server/db/open-sqlite";
import { tempDatabase } from "./server-process";

/** The test file's database, as tempDatabase() describes it. */
export type TestDatabase = ReturnType<typeof tempDatabase>;

/**
 * The one way an integration test gets a database: a throwaway SQLite file
 * (`prefix` names its directory) with this process's DATABASE_URL pointed at
 * it. The app's functions called in the test, and the `talknotes` CLI run with
 * `process.env`, read it; the process-wide Prisma client reads DATABASE_URL
 * once, so call this before anything in the test file touches the database.
 * Tests that need no server (CLI and data-function tests) use it alone;
 * startTestServer() (tests/support/test-server.ts) starts the real server on it.
 *
 * The file is created and migrated here, unless `create: false`: then it lies
 * in a `data` directory nobody has made yet, for tests of what the first
 * server or CLI run creates (directory and file permissions, migrations).
 */
export function startTestDatabase(options: { prefix?: string; create?: boolean } = {}): TestDatabase {
  const temp = tempDatabase(options.prefix);
  let db = temp;
  if (options.create === false) {
    const file = path.join(temp.dir, "data", "talknotes.db");
    db = { dir: temp.dir, file, url: `file:${file}` };
  } else {
    const sqlite = openSqlite(db.file);
    try {
      applyMigrations(sqlite);
    } finally {
      sqlite.close();
    }
  }
  process.env.DATABASE_URL = db.url;
  return db;
}
