import type Database from "better-sqlite3";

/**
 * Reads a session's publishing status synchronously (better-sqlite3), for
 * decisions made on the hot path: authorising a websocket upgrade and
 * choosing how soon a room renders its readers' copy.
 */
export class SessionStatusReader {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = db.prepare(`SELECT status FROM "Session" WHERE id = ?`);
  }

  /** The session's status (draft | live | published | archived), or null when there is no such session. */
  status(sessionId: string): string | null {
    return (this.stmt.get(sessionId) as { status: string } | undefined)?.status ?? null;
  }
}
