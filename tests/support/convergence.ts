import * as prng from "lib0/prng";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import pg from "pg";
import { NotesStore } from "../../server/collab/notes-store";
import { PostgresNotesStore } from "../../server/collab/postgres-notes-store";
import { openSqlite } from "../../server/db/open-sqlite";
import { type RunningServer, startServer } from "./server-process";
import { type TestClient, connectClient, waitFor } from "./yclient";

export interface ConvergenceOptions {
  /** A running Talknotes server; it is restarted (same port, same database) during the run. */
  server: RunningServer;
  /**
   * More instances of the same deployment (PostgreSQL + Redis): clients are spread over all of them
   * round robin, and the restarts go round the instances too.
   */
  otherServers?: RunningServer[];
  /** Environment the servers run with (e.g. REDIS_URL, TALKNOTES_SECRET), for restarts. */
  serverEnv?: Record<string, string>;
  /** The database the server uses (`file:` or `postgres:` URL, as given to startServer). */
  databaseUrl: string;
  /** An existing session whose notes the clients edit. */
  sessionId: string;
  /** A personal access token of an editor of the session's conference (sent as `?token=`). */
  token: string;
  /** PRNG seed: the same seed gives the same sequence of operations. */
  seed: number;
  /** Number of y-websocket clients editing concurrently. */
  clients: number;
  /** Random operations in total (inserts, deletes, paragraph splits/removals, disconnects, reconnects, pauses). */
  operations: number;
  /** Server restarts spread over the run; odd ones are SIGKILL, even ones SIGTERM. */
  restarts: number;
  /** Longest wait for everyone to converge at the end. */
  settleTimeoutMs?: number;
  /** Progress lines (restarts, final sizes). */
  log?: (line: string) => void;
}

export interface ConvergenceResult {
  /** The server running at the end (the caller stops it). */
  server: RunningServer;
  /** Every instance running at the end, `server` first (the caller stops them). */
  servers: RunningServer[];
  /** Operations of each kind that were performed. */
  counts: Record<string, number>;
  /** The notes every replica and the stored state ended with (XML of the notes fragment). */
  finalXml: string;
  /** The stored state as read directly from SQLite after a final SIGKILL equals every replica. */
  storedMatches: boolean;
  /** Every replica's XML, for a readable failure message. */
  replicas: string[];
  durationMs: number;
}

interface Replica {
  client: TestClient;
  tracker: SaveTracker;
  online: boolean;
}

/**
 * A randomized convergence run in the style of Yjs's own tests, with the real
 * server in the loop: `clients` real y-websocket clients apply seeded random
 * edits while they are randomly disconnected and reconnected and the server is
 * killed (SIGKILL) or stopped and restarted; random pauses let messages
 * interleave differently. At the end everyone reconnects, every client's save
 * tracker must report all edits confirmed ("Saved"), the server is SIGKILLed,
 * and every replica and the state stored in SQLite must be identical.
 */
export async function runConvergence(options: ConvergenceOptions): Promise<ConvergenceResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const gen = prng.create(options.seed);
  const counts: Record<string, number> = {};
  const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
  const servers = [options.server, ...(options.otherServers ?? [])];
  const restart = async (i: number) => {
    servers[i] = await startServer({
      databaseUrl: options.databaseUrl,
      port: servers[i]!.port,
      env: options.serverEnv,
    });
  };

  const replicas: Replica[] = [];
  for (let i = 0; i < options.clients; i++) {
    const client = connectClient(servers[i % servers.length]!.wsUrl, options.sessionId, { connect: false });
    client.provider.params = { token: options.token };
    const tracker = trackSaves(client.provider, { probeDelayMs: 20 });
    client.provider.connect();
    // A rate-limit close is terminal for y-websocket; a note-taker's editor reconnects, so do the same.
    client.provider.on("closed", () => setTimeout(() => client.provider.connect(), 200));
    replicas.push({ client, tracker, online: true });
  }

  const restartAt = new Set<number>();
  for (let r = 1; r <= options.restarts; r++)
    restartAt.add(Math.floor((options.operations * r) / (options.restarts + 1)));
  let restarts = 0;

  try {
    for (let op = 0; op < options.operations; op++) {
      if (restartAt.has(op)) {
        restarts += 1;
        const hard = restarts % 2 === 1;
        const which = (restarts - 1) % servers.length;
        log(`op ${op}: ${hard ? "SIGKILL" : "SIGTERM"} and restart of instance ${which + 1}`);
        await (hard ? servers[which]!.kill() : servers[which]!.stop());
        // Edits keep happening while the server is down (below), then it comes back on the same port.
        for (let k = 0; k < 5; k++) randomEdit(gen, prng.oneOf(gen, replicas), count);
        await restart(which);
        count("restart");
      }
      const replica = prng.oneOf(gen, replicas);
      const roll = prng.int32(gen, 0, 99);
      if (roll < 70) {
        randomEdit(gen, replica, count);
      } else if (roll < 78) {
        if (replica.online) {
          replica.client.provider.disconnect();
          replica.online = false;
          count("disconnect");
        }
      } else if (roll < 90) {
        const offline = replicas.filter((r) => !r.online);
        if (offline.length > 0) {
          const r = prng.oneOf(gen, offline);
          r.client.provider.connect();
          r.online = true;
          count("reconnect");
        }
      } else {
        // Let messages interleave: sometimes none in flight, sometimes several rounds.
        await sleep(prng.int32(gen, 0, 30));
        count("pause");
      }
      if (op % 8 === 0) await sleep(0);
    }

    for (const r of replicas) {
      if (!r.online) r.client.provider.connect();
      r.online = true;
    }
    const timeout = options.settleTimeoutMs ?? 30_000;
    await waitFor(
      () => replicas.every((r) => r.client.provider.synced && r.tracker.caughtUp && r.tracker.pending === 0),
      timeout,
      "every client's edits confirmed by the server",
    );
    await waitFor(
      () => {
        const first = xmlOf(replicas[0]!.client.doc);
        return replicas.every((r) => xmlOf(r.client.doc) === first);
      },
      timeout,
      "every replica identical",
    );
    const finalXml = xmlOf(replicas[0]!.client.doc);
    const replicaXml = replicas.map((r) => xmlOf(r.client.doc));
    for (const r of replicas) r.client.provider.disconnect();

    // "Saved" means durable: a crash of every instance right now must not lose anything.
    for (const s of servers) await s.kill();
    const stored = options.databaseUrl.startsWith("file:")
      ? readStoredXml(options.databaseUrl, options.sessionId)
      : await readPostgresStoredXml(options.databaseUrl, options.sessionId);
    log(`converged: ${finalXml.length} chars of XML, ${JSON.stringify(counts)}`);
    for (let i = 0; i < servers.length; i++) await restart(i);
    return {
      server: servers[0]!,
      servers,
      counts,
      finalXml,
      storedMatches: stored === finalXml,
      replicas: replicaXml,
      durationMs: Date.now() - started,
    };
  } finally {
    for (const r of replicas) {
      r.tracker.destroy();
      r.client.destroy();
    }
  }
}

function randomEdit(gen: prng.PRNG, replica: Replica, count: (kind: string) => void): void {
  const fragment = replica.client.doc.getXmlFragment("notes");
  if (fragment.length === 0) {
    fragment.insert(0, [paragraph("")]);
    count("paragraph");
    return;
  }
  const index = prng.int32(gen, 0, fragment.length - 1);
  const text = (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
  const roll = prng.int32(gen, 0, 99);
  if (roll < 65 || text.length === 0) {
    text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 6));
    count("insert");
  } else if (roll < 85) {
    const at = prng.int32(gen, 0, text.length - 1);
    text.delete(at, prng.int32(gen, 1, Math.min(4, text.length - at)));
    count("delete");
  } else if (roll < 95) {
    // Like pressing Enter: a new paragraph after this one, carrying a bit of text.
    fragment.insert(index + 1, [paragraph(prng.word(gen, 0, 4))]);
    count("paragraph");
  } else if (fragment.length > 1) {
    fragment.delete(index, 1);
    count("remove-paragraph");
  }
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement("paragraph");
  const t = new Y.XmlText();
  if (text) t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

function xmlOf(doc: Y.Doc): string {
  return doc.getXmlFragment("notes").toString();
}

/** The notes as stored in SQLite (snapshot + update log), read directly with the app's NotesStore. */
export function readStoredXml(databaseUrl: string, sessionId: string): string {
  const db = openSqlite(databaseUrl.replace(/^file:/, ""));
  try {
    const { state } = new NotesStore(db).load(sessionId);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return xmlOf(doc);
  } finally {
    db.close();
  }
}

/** The notes as stored in PostgreSQL, read directly with the app's PostgresNotesStore. */
async function readPostgresStoredXml(databaseUrl: string, sessionId: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { state } = await new PostgresNotesStore(pool).load(sessionId);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return xmlOf(doc);
  } finally {
    await pool.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
