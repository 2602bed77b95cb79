import { type RunningServer, startServer } from "./server-process";
import { startTestDatabase, type TestDatabase } from "./test-database";

/** A running server on the test file's own database, with nothing in it. */
export interface TestServer {
  server: RunningServer;
  /** The test file's database: process.env.DATABASE_URL names it, so the app's functions called in the test read it. */
  db: TestDatabase;
}

/**
 * The real server on a new empty database (startTestDatabase(), which also
 * points this process at it), for tests that seed their own data: accounts
 * whose order matters (the first account is the instance admin), their own
 * conferences, imported notes. `prefix`, `create`: as startTestDatabase()
 * takes them; `env`: extra environment for the server process. Tests that want the DevOps Day panel use startSeededServer().
 */
export async function startTestServer(
  options: { prefix?: string; create?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const db = startTestDatabase({ prefix: options.prefix, create: options.create });
  return { server: await startServer({ databaseUrl: db.url, env: options.env }), db };
}
