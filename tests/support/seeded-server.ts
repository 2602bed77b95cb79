import { type RunningServer, startServer } from "./server-process";

/** A running server with the DevOps Day panel seeded and an editor's access token for it. */
export interface SeededServer {
  server: RunningServer;
  sessionId: string;
  conferenceId: string;
  /** Personal access token of a conference editor (`?token=` for y-websocket clients). */
  token: string;
}

/**
 * Starts the real server on `databaseUrl` and seeds it through the app's own
 * functions (tests/support/seed.ts, editor-token.ts), with `env` added to its environment. The caller's
 * process.env.DATABASE_URL must already name the same database.
 */
export async function startSeededServer(databaseUrl: string, env?: Record<string, string>): Promise<SeededServer> {
  const server = await startServer({ databaseUrl, env });
  const { seedDevopsDay } = await import("./seed");
  const { seedEditorToken } = await import("./editor-token");
  const seeded = await seedDevopsDay();
  return { server, sessionId: seeded.session.id, conferenceId: seeded.conference.id, token: await seedEditorToken(seeded.conference.id) };
}
