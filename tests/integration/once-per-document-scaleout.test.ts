import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { CollabServer } from "../../server/collab/collab-server";
import { PostgresNotesStore } from "../../server/collab/postgres-notes-store";
import { PostgresRenderLease } from "../../server/collab/postgres-render-lease";
import { ReadersCopyRenderer } from "../../server/collab/render-readers-copy";
import { RedisRoomBus } from "../../server/collab/room-bus";
import { applyPostgresMigrations } from "../../server/db/migrate-postgres";
import { connectionAccess } from "../support/connection-access";
import { firstNoteText } from "../support/first-note-text";
import { type RunningRedis, startRedis } from "../support/start-redis";
import { tempPostgresDatabase } from "../support/temp-postgres-database";
import { testServices } from "../support/test-services";
import { type TestClient, connectClient, synced, waitFor } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`once-per-document-scaleout: skipped, ${missing}`);

/** A store that counts the compactions it actually ran (not the declined ones). */
class CountingStore extends PostgresNotesStore {
  compactions = 0;
  declined = 0;
  override async compact(sessionId: string, snapshot: Uint8Array): Promise<boolean> {
    const done = await super.compact(sessionId, snapshot);
    if (done) this.compactions += 1;
    else this.declined += 1;
    return done;
  }
}

/** One instance as server/index.ts wires it: its own pool, store, bus, render lease, renderer and collab server. */
interface Instance {
  pool: pg.Pool;
  store: CountingStore;
  bus: RedisRoomBus;
  lease: PostgresRenderLease;
  collab: CollabServer;
  http: http.Server;
  wsUrl: string;
  /** Readers' copies this instance rendered (it held the lease or could not tell). */
  renders: number;
  stop(): Promise<void>;
}

const SESSION = "s1";

/**
 * Three instances on one PostgreSQL and one Redis, with a writer on each:
 * the readers' copy is rendered by one instance per document (the holder of
 * its render lease), compaction runs under the document's advisory locks
 * while all three append, and nothing appended is lost. When the rendering
 * instance goes away, another one takes the lease and renders.
 */
describe.skipIf(!postgresUrl)("once per document across three instances (in-process)", () => {
  let databaseUrl: string;
  let redis: RunningRedis;
  const instances: Instance[] = [];

  async function startInstance(): Promise<Instance> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    const store = new CountingStore(pool);
    const bus = new RedisRoomBus(redis.url, async (sessionId) => (await store.load(sessionId)).state);
    const lease = new PostgresRenderLease(databaseUrl);
    const instance = { pool, store, bus, lease, renders: 0 } as Instance;
    const renderer = new ReadersCopyRenderer(pool, store, async (sessionId) => {
      const mine = bus.connected ? await lease.mayRender(sessionId) : true;
      if (mine) instance.renders += 1;
      return mine;
    });
    instance.collab = new CollabServer({
      store,
      renderer,
      authorize: () => connectionAccess(),
      room: {
        onLoad: (room) => {
          bus.bind(room);
          room.doc.once("destroy", () => void lease.release(room.sessionId));
        },
        onContentChange: (sessionId, doc) => void renderer.render(sessionId, doc),
        contentDelayMs: 30,
        compactAfterUpdates: 8,
        idleMs: 60_000,
      },
    });
    instance.http = http.createServer();
    instance.http.on("upgrade", (req, socket, head) => instance.collab.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => instance.http.listen(0, "127.0.0.1", resolve));
    instance.wsUrl = `ws://127.0.0.1:${(instance.http.address() as AddressInfo).port}/collab`;
    instance.stop = async () => {
      instance.collab.close();
      instance.http.close();
      await bus.close();
      await lease.close();
      await store.drain();
      await pool.end();
    };
    return instance;
  }

  beforeAll(async () => {
    databaseUrl = await tempPostgresDatabase(postgresUrl!, "talknotes_once");
    const setup = new pg.Client({ connectionString: databaseUrl });
    await setup.connect();
    await applyPostgresMigrations(setup);
    await setup.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ('c1', 'conf', 'Conf', now())`);
    await setup.query(
      `INSERT INTO "Session" (id, "conferenceId", slug, title, "updatedAt") VALUES ('${SESSION}', 'c1', 's1', 'S1', now())`,
    );
    await setup.end();
    redis = await startRedis();
    for (let i = 0; i < 3; i++) instances.push(await startInstance());
  }, 60_000);
  afterAll(async () => {
    for (const i of instances) await i.stop().catch(() => {});
    await redis?.stop();
  });

  async function storedNotes(): Promise<{ text: string; copy: string }> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      const doc = new Y.Doc();
      const { state } = await new PostgresNotesStore(pool).load(SESSION);
      if (state) Y.applyUpdate(doc, state);
      const { rows } = await pool.query<{ contentJson: string }>(
        `SELECT "contentJson" FROM "NotesDocument" WHERE "sessionId" = $1`,
        [SESSION],
      );
      return { text: doc.getXmlFragment("notes").toString(), copy: rows[0]?.contentJson ?? "" };
    } finally {
      await pool.end();
    }
  }

  /** Polls the stored readers' copy until `predicate` holds (it is rendered a moment after the edits). */
  async function storedCopyWhere(predicate: (json: string) => boolean, what: string): Promise<string> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { copy } = await storedNotes();
      if (predicate(copy)) return copy;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}: ${copy.slice(0, 300)} renders ${instances.map((i) => i.renders).join(",")}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("renders once per document, compacts without losing a concurrent append, and hands the lease over", async () => {
    const clients: TestClient[] = instances.map((i) => connectClient(i.wsUrl, SESSION));
    const trackers: SaveTracker[] = clients.map((c) => trackSaves(c.provider, { probeDelayMs: 20 }));
    try {
      await Promise.all(clients.map((c) => synced(c)));
      await waitFor(() => instances.every((i) => i.bus.connected), 5000, "buses connected");
      firstNoteText(clients[0]!.doc).insert(0, "start ");
      await waitFor(
        () => clients.every((c) => c.doc.getXmlFragment("notes").toString().includes("start")),
        5000,
        "note everywhere",
      );

      // All three type at once, each into its own instance: words w<client>-<n>, and on past the first
      // hundred until a compaction has run (on a loaded machine it may be declined many times first).
      const typed: string[][] = [[], [], []];
      const compactions = () => instances.reduce((n, i) => n + i.store.compactions, 0);
      const deadline = Date.now() + 30_000;
      await Promise.all(
        clients.map(async (client, c) => {
          for (let n = 0; n < 100 || (compactions() === 0 && Date.now() < deadline); n++) {
            const text = firstNoteText(client.doc);
            text.insert(text.length, `w${c}-${n} `);
            typed[c]!.push(`w${c}-${n}`);
            await new Promise((r) => setTimeout(r, 12 + c));
          }
        }),
      );
      await waitFor(() => trackers.every((t) => t.pending === 0), 20_000, "every edit saved");
      const all = typed.flat();
      await waitFor(
        () => clients.every((c) => all.every((w) => c.doc.getXmlFragment("notes").toString().includes(`${w} `))),
        10_000,
        "converged",
      );

      // Nothing acknowledged is lost, whatever was compacted while the others appended.
      const stored = await storedNotes();
      for (const w of all) expect(stored.text).toContain(`${w} `);
      expect(compactions(), `declined ${instances.map((i) => i.store.declined)}`).toBeGreaterThan(0);

      // One instance renders the document's readers' copy; the others skip (they hold no lease).
      // A word is followed by a space, or ends the note's text (the copy trims it): never by a digit.
      const hasWord = (json: string, w: string) => new RegExp(`${w}(?!\\d)`).test(json);
      const copy = await storedCopyWhere((json) => all.every((w) => hasWord(json, w)), "readers' copy has every word");
      for (const w of all) expect(hasWord(copy, w), w).toBe(true);
      const renderers = instances.filter((i) => i.renders > 0);
      expect(renderers, `renders per instance ${instances.map((i) => i.renders)}`).toHaveLength(1);

      // The rendering instance goes away (its lease ends with its connection): another one takes over.
      const holder = renderers[0]!;
      const survivors = instances.filter((i) => i !== holder);
      clients[instances.indexOf(holder)]!.destroy();
      await holder.stop();
      const before = survivors.map((i) => i.renders);
      const writer = clients[instances.indexOf(survivors[0]!)]!;
      const text = firstNoteText(writer.doc);
      text.insert(text.length, "after-handover ");
      expect(
        await storedCopyWhere((json) => json.includes("after-handover"), "a copy rendered after the handover"),
      ).toContain("after-handover");
      expect(
        survivors.filter((i, n) => i.renders > before[n]!),
        `renders before ${before}, after ${survivors.map((i) => i.renders)}`,
      ).toHaveLength(1);
    } finally {
      for (const t of trackers) t.destroy();
      for (const c of clients) c.destroy();
    }
  }, 120_000);
});
