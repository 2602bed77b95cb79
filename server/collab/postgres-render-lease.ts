import pg from "pg";

/** Advisory lock class of render leases (beside the notes store's 7301–7303); the second key is hashtext(sessionId). */
const RENDER_LEASE = 7304;

/**
 * Which instance renders a document's readers' copy (several instances,
 * PostgreSQL): the one holding the document's render lease, a session-level
 * advisory lock on this instance's own PostgreSQL connection. The lease is
 * taken when the instance first wants to render the document, kept while its
 * room is loaded (`release` on unload) and dropped by PostgreSQL itself when
 * the connection ends, so a `kill -9`'d instance loses its leases at once
 * (when the machine itself is gone: when TCP keepalive notices) and another
 * instance takes them at its next render, or at its retry (render-readers-copy.ts). Instances without the lease skip the render:
 * the holder has the same edits through the bus and renders them itself.
 *
 * Connection trouble never stops renders: while the lease connection is
 * down, `mayRender` answers true (a copy rendered twice costs CPU; a copy not
 * rendered leaves readers behind).
 */
export class PostgresRenderLease {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client | null> | null = null;
  private readonly held = new Set<string>();
  /** Tries in flight, one per session (a second try on the same connection would count the lock twice). */
  private readonly trying = new Map<string, Promise<boolean>>();
  /** Sessions released while their try was in flight: a lease won then is given back, not kept. */
  private readonly releasedWhileTrying = new Set<string>();
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** True when this instance holds (or has just taken) the document's render lease, or cannot tell. */
  mayRender(sessionId: string): Promise<boolean> {
    if (this.held.has(sessionId)) return Promise.resolve(true);
    let attempt = this.trying.get(sessionId);
    if (!attempt) {
      attempt = this.tryLease(sessionId).finally(() => this.trying.delete(sessionId));
      this.trying.set(sessionId, attempt);
    }
    return attempt;
  }

  /**
   * Gives the lease back (the room unloaded): another instance with the
   * document loaded renders it from now on. Resolves once PostgreSQL has it.
   */
  async release(sessionId: string): Promise<void> {
    const wasHeld = this.held.delete(sessionId);
    const trying = this.trying.get(sessionId);
    if (trying) {
      // The try in flight gives back what it wins (its connection may not even be open yet).
      this.releasedWhileTrying.add(sessionId);
      await trying;
      return;
    }
    if (wasHeld) await this.unlock(this.client, sessionId);
  }

  private async unlock(client: pg.Client | null, sessionId: string): Promise<void> {
    await client?.query(`SELECT pg_advisory_unlock(${RENDER_LEASE}, hashtext($1))`, [sessionId]).catch(() => {});
  }

  /** Ends the connection; PostgreSQL releases every lease it held. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (await this.connecting);
    this.client = null;
    this.held.clear();
    await client?.end().catch(() => {});
  }

  private async tryLease(sessionId: string): Promise<boolean> {
    const client = await this.connection();
    if (!client) {
      this.releasedWhileTrying.delete(sessionId);
      return true;
    }
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(${RENDER_LEASE}, hashtext($1)) AS ok`,
        [sessionId],
      );
      const won = rows[0]?.ok === true;
      if (this.releasedWhileTrying.delete(sessionId)) {
        if (won) await this.unlock(client, sessionId);
        return won;
      }
      if (won && this.client === client) this.held.add(sessionId);
      return won;
    } catch {
      this.releasedWhileTrying.delete(sessionId);
      return true;
    }
  }

  /** The lease connection, opened on first use and again after it ended; null while PostgreSQL is unreachable. */
  private connection(): Promise<pg.Client | null> {
    if (this.client) return Promise.resolve(this.client);
    if (this.closed) return Promise.resolve(null);
    this.connecting ??= (async () => {
      // Keepalives both ways, so a lease held by an instance whose machine vanished is freed within about
      // 25 s (PostgreSQL's side is set per connection; the defaults would wait for hours).
      const client = new pg.Client({
        connectionString: this.connectionString,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        options: "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3",
      });
      // Leases live and die with the connection: when it ends, nothing is held any more.
      const lost = () => {
        if (this.client !== client) return;
        this.client = null;
        this.held.clear();
      };
      client.on("error", lost);
      client.on("end", lost);
      try {
        await client.connect();
        if (this.closed) {
          await client.end().catch(() => {});
          return null;
        }
        this.client = client;
        return client;
      } catch {
        await client.end().catch(() => {});
        return null;
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }
}
