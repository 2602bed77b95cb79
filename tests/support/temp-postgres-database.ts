import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Creates an empty database on the test PostgreSQL server (`serverUrl`, a
 * superuser URL) and returns its URL: each test file gets its own, as each
 * SQLite test gets its own file.
 */
export async function tempPostgresDatabase(serverUrl: string, prefix = "talknotes_test"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
