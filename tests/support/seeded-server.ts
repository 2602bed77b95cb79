import type { RunningServer } from "./server-process";
import type { TestDatabase } from "./test-database";
import { startTestServer } from "./test-server";

/** A running server on its own throwaway database, with the DevOps Day panel seeded and an editor's access token for it. */
export interface SeededServer {
  server: RunningServer;
  /** The test file's database: process.env.DATABASE_URL names it, so the app's functions called in the test read it. */
  db: TestDatabase;
  sessionId: string;
  conferenceId: string;
  /** The seeded conference and session, as the app's data functions returned them. */
  seeded: Awaited<ReturnType<typeof import("./seed").seedDevopsDay>>;
  /** Personal access token of a conference editor (`?token=` for y-websocket clients). */
  token: string;
}

/**
 * The one way an integration test gets a server with the DevOps Day panel:
 * startTestServer() (a throwaway SQLite database, `prefix` naming its
 * directory, this process's DATABASE_URL pointed at it, the real server on it),
 * then the panel seeded through the app's own functions
 * (tests/support/seed.ts, editor-token.ts). Call it before anything in the
 * test file touches the database. `title`: the seeded session's title;
 * `env`: extra environment for the server process. The editor token's user is
 * the instance's first account: tests whose first account must be a named
 * admin seed their own data on startTestServer().
 */
export async function startSeededServer(
  options: { prefix?: string; title?: string; env?: Record<string, string> } = {},
): Promise<SeededServer> {
  const { server, db } = await startTestServer({ prefix: options.prefix, env: options.env });
  const { seedDevopsDay } = await import("./seed");
  const { seedEditorToken } = await import("./editor-token");
  const seeded = await seedDevopsDay(options.title);
  return {
    server,
    db,
    sessionId: seeded.session.id,
    conferenceId: seeded.conference.id,
    seeded,
    token: await seedEditorToken(seeded.conference.id),
  };
}
