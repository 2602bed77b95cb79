import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { CollabServer } from "../../server/collab/collab-server";
import { PostgresNotesStore } from "../../server/collab/postgres-notes-store";
import { RedisRoomBus } from "../../server/collab/room-bus";
import { applyPostgresMigrations } from "../../server/db/migrate-postgres";
import { connectionAccess } from "../support/connection-access";
import { type RunningRedis, startRedis } from "../support/start-redis";
import { tempPostgresDatabase } from "../support/temp-postgres-database";
import { testServices } from "../support/test-services";
import { type TestClient, connectClient, synced, waitFor } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`redis-bus: skipped, ${missing}`);

/** One instance: its own store, bus and collab server on its own port, sharing PostgreSQL and Redis. */
interface Instance {
  collab: CollabServer;
  bus: RedisRoomBus;
  http: http.Server;
  wsUrl: string;
}

const notesXml = (doc: Y.Doc) => doc.getXmlFragment("notes").toString();

describe.skipIf(!postgresUrl)("two instances on PostgreSQL with a Redis bus (in-process)", () => {
  let pool: pg.Pool;
  let redis: RunningRedis;
  const instances: Instance[] = [];

  async function startInstance(): Promise<Instance> {
    const store = new PostgresNotesStore(pool);
    const bus = new RedisRoomBus(redis.url, async (sessionId) => (await store.load(sessionId)).state);
    const collab = new CollabServer({
      store,
      authorize: () => connectionAccess(),
      room: { onLoad: (room) => bus.bind(room), idleMs: 60_000 },
    });
    const server = http.createServer();
    server.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { collab, bus, http: server, wsUrl: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab` };
  }

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await tempPostgresDatabase(postgresUrl!, "talknotes_bus"), max: 6 });
    const client = await pool.connect();
    await applyPostgresMigrations(client);
    client.release();
    await pool.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ('c1', 'conf', 'Conf', now())`);
    await pool.query(
      `INSERT INTO "Session" (id, "conferenceId", slug, title, "updatedAt") VALUES ('s1', 'c1', 's1', 'S1', now())`,
    );
    redis = await startRedis();
    instances.push(await startInstance(), await startInstance());
  });
  afterAll(async () => {
    for (const i of instances) {
      i.collab.close();
      i.http.close();
      await i.bus.close();
    }
    await redis?.stop();
    await pool?.end();
  });

  it("carries edits and presence across instances, and converges after Redis is killed and restarted", async () => {
    const [one, two] = instances as [Instance, Instance];
    const a = connectClient(one.wsUrl, "s1", { connect: false });
    const b = connectClient(two.wsUrl, "s1", { connect: false });
    const trackers: SaveTracker[] = [a, b].map((c) => trackSaves(c.provider, { probeDelayMs: 20 }));
    const clients: TestClient[] = [a, b];
    try {
      for (const c of clients) c.provider.connect();
      await Promise.all(clients.map((c) => synced(c)));
      await waitFor(() => one.bus.connected && two.bus.connected, 5000, "bus connected");

      // Edits cross both ways.
      a.text.insert(0, "one says hi. ");
      await waitFor(() => notesXml(b.doc).includes("one says hi."), 5000, "b sees a");
      b.text.insert(b.text.length, "two answers. ");
      await waitFor(() => notesXml(a.doc).includes("two answers."), 5000, "a sees b");

      // Presence crosses, and leaves when its connection closes on the other instance.
      a.provider.awareness.setLocalStateField("user", { name: "Ada" });
      const names = (c: TestClient) =>
        [...c.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name);
      await waitFor(() => names(b).includes("Ada"), 5000, "b sees Ada's presence");
      const c3 = connectClient(one.wsUrl, "s1");
      await synced(c3);
      c3.provider.awareness.setLocalStateField("user", { name: "Cy" });
      await waitFor(() => names(b).includes("Cy"), 5000, "b sees Cy");
      c3.destroy();
      await waitFor(() => !names(b).includes("Cy"), 5000, "Cy's presence removed on the other instance");

      // Redis dies: each side keeps editing and saving (PostgreSQL), without seeing the other.
      await redis.kill();
      await waitFor(() => !one.bus.connected && !two.bus.connected, 5000, "bus down");
      for (const ch of "typed on one while Redis is down. ") a.text.insert(a.text.length, ch);
      for (const ch of "typed on two while Redis is down. ") b.text.insert(b.text.length, ch);
      await waitFor(() => trackers.every((t) => t.pending === 0), 5000, "both saved without Redis");
      expect(notesXml(a.doc)).not.toContain("typed on two");

      // Redis returns (empty): the resync brings both sides together.
      redis = await startRedis({ port: redis.port });
      await waitFor(
        () =>
          notesXml(a.doc) === notesXml(b.doc) &&
          notesXml(a.doc).includes("typed on two") &&
          notesXml(b.doc).includes("typed on one"),
        15_000,
        "converged after Redis came back",
      );
      await waitFor(() => trackers.every((t) => t.pending === 0), 5000, "saved");
      for (const inst of instances) expect(notesXml(inst.collab.room("s1").doc)).toBe(notesXml(a.doc));
      // A fresh load from PostgreSQL has everything.
      const fresh = new Y.Doc();
      const stored = (await new PostgresNotesStore(pool).load("s1")).state;
      if (stored) Y.applyUpdate(fresh, stored);
      expect(notesXml(fresh)).toBe(notesXml(a.doc));
    } finally {
      for (const t of trackers) t.destroy();
      for (const c of clients) c.destroy();
    }
  });
});
