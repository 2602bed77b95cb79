import { type RunningServer, startServer, tempDatabase } from "./server-process";

/** A running server on its own throwaway database, with the DevOps Day panel seeded and an editor's access token for it. */
export interface SeededServer {
  server: RunningServer;
  /** The test file's database: process.env.DATABASE_URL names it, so the app's functions called in the test read it. */
  db: ReturnType<typeof tempDatabase>;
  sessionId: string;
  conferenceId: string;
  /** The seeded conference and session, as the app's data functions returned them. */
  seeded: Awaited<ReturnType<typeof import("./seed").seedDevopsDay>>;
  /** Personal access token of a conference editor (`?token=` for y-websocket clients). */
  token: string;
}

/**
 * The one way an integration test gets a server: creates a throwaway SQLite
 * database (`prefix` names its directory), points this process's
 * DATABASE_URL at it (the seed, and any app function the test calls, go
 * through the process-wide Prisma client, which reads it once), starts the
 * real server on it and seeds it through the app's own functions
 * (tests/support/seed.ts, editor-token.ts). Call it before anything in the
 * test file touches the database. `title`: the seeded session's title;
 * `env`: extra environment for the server process.
 */
export async function startSeededServer(
  options: { prefix?: string; title?: string; env?: Record<string, string> } = {},
): Promise<SeededServer> {
  const db = tempDatabase(options.prefix);
  process.env.DATABASE_URL = db.url;
  const server = await startServer({ databaseUrl: db.url, env: options.env });
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
