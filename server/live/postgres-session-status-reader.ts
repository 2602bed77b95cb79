import type pg from "pg";

/** How long a status read from PostgreSQL is used before it is read again. */
const FRESH_MS = 2_000;

/**
 * The PostgreSQL twin of SessionStatusReader for the one hot-path decision
 * that cannot wait for a query: how soon a room renders its readers' copy.
 * Answers from what it read last (null until the first read lands) and reads
 * again in the background when that is older than two seconds.
 */
export class PostgresSessionStatusReader {
  private readonly known = new Map<string, { status: string | null; at: number }>();
  private readonly reading = new Set<string>();

  constructor(private readonly pool: pg.Pool) {}

  /** The session's last known status (draft | live | published | archived), or null. */
  status(sessionId: string): string | null {
    const entry = this.known.get(sessionId);
    if ((!entry || Date.now() - entry.at > FRESH_MS) && !this.reading.has(sessionId)) void this.refresh(sessionId);
    return entry?.status ?? null;
  }

  /** Reads the status now (e.g. when a room loads, so its first render already knows). */
  async refresh(sessionId: string): Promise<string | null> {
    this.reading.add(sessionId);
    try {
      const row = (await this.pool.query<{ status: string }>(`SELECT status FROM "Session" WHERE id = $1`, [sessionId]))
        .rows[0];
      const status = row?.status ?? null;
      this.known.set(sessionId, { status, at: Date.now() });
      return status;
    } catch {
      return this.known.get(sessionId)?.status ?? null;
    } finally {
      this.reading.delete(sessionId);
    }
  }
}
