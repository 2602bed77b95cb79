import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { CloseCode } from "../../lib/collab/close-codes";
import { CollabServer } from "../../server/collab/collab-server";
import type { StoredNotes } from "../../server/collab/notes-store";
import { PostgresNotesStore } from "../../server/collab/postgres-notes-store";
import { applyPostgresMigrations } from "../../server/db/migrate-postgres";
import { connectionAccess } from "../support/connection-access";
import { tempPostgresDatabase } from "../support/temp-postgres-database";
import { testServices } from "../support/test-services";
import { type TestClient, connectClient, synced, waitFor } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`postgres-collab: skipped, ${missing}`);

/** A PostgreSQL store whose loads take `delayMs` longer, as on a busy database server. */
class SlowLoadingStore extends PostgresNotesStore {
  loads = 0;
  constructor(
    pool: pg.Pool,
    private readonly delayMs: number,
  ) {
    super(pool);
  }
  override async load(sessionId: string): Promise<StoredNotes> {
    this.loads++;
    await new Promise((r) => setTimeout(r, this.delayMs));
    return super.load(sessionId);
  }
}

/** The notes text of a stored state, paragraph by paragraph. */
function storedText(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment("notes").toString();
}

describe.skipIf(!postgresUrl)("collaboration on PostgreSQL (in-process collab server)", () => {
  let pool: pg.Pool;
  let store: SlowLoadingStore;
  let collab: CollabServer;
  let httpServer: http.Server;
  let wsUrl: string;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await tempPostgresDatabase(postgresUrl!, "talknotes_collab"), max: 4 });
    const client = await pool.connect();
    await applyPostgresMigrations(client);
    client.release();
    await pool.query(`INSERT INTO "Conference" (id, slug, name, "updatedAt") VALUES ('c1', 'conf', 'Conf', now())`);
    for (const id of ["s1", "s2", "s3"])
      await pool.query(
        `INSERT INTO "Session" (id, "conferenceId", slug, title, "updatedAt") VALUES ($1, 'c1', $1, $1, now())`,
        [id],
      );
    store = new SlowLoadingStore(pool, 400);
    collab = new CollabServer({ store, authorize: () => connectionAccess(), room: { flushDelayMs: 40, idleMs: 200 } });
    httpServer = http.createServer();
    httpServer.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    wsUrl = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/collab`;
  });
  afterAll(async () => {
    collab?.close();
    httpServer?.close();
    await pool?.end();
  });

  it("holds what clients send while the room loads, then says Saved only once it is committed in PostgreSQL", async () => {
    const clients: TestClient[] = [];
    const trackers: SaveTracker[] = [];
    try {
      // Both connect while the room is still loading: one load, and both are answered from the loaded room.
      for (let i = 0; i < 2; i++) {
        const c = connectClient(wsUrl, "s1", { connect: false });
        trackers.push(trackSaves(c.provider, { probeDelayMs: 20 }));
        c.provider.connect();
        clients.push(c);
      }
      await Promise.all(clients.map((c) => synced(c)));
      expect(store.loads).toBe(1);
      const [a, b] = clients as [TestClient, TestClient];
      a.text.insert(0, "alpha ");
      await waitFor(() => b.doc.getXmlFragment("notes").toString().includes("alpha"), 5000, "b sees a's edit");
      for (const ch of "typed on PostgreSQL") b.text.insert(b.text.length, ch);
      await waitFor(() => trackers.every((t) => t.pending === 0), 5000, "both saved");
      // Saved means committed: a fresh read of PostgreSQL (bypassing the room) has every character.
      const stored = storedText((await new PostgresNotesStore(pool).load("s1")).state);
      expect(stored).toBe(a.doc.getXmlFragment("notes").toString());
      expect(stored).toContain("alpha typed on PostgreSQL");
    } finally {
      for (const t of trackers) t.destroy();
      for (const c of clients) c.destroy();
    }
  });

  it("an edit sent the moment the socket opens, before the room has loaded, is held, applied and stored", async () => {
    const c = connectClient(wsUrl, "s2", { connect: false });
    const loadsBefore = store.loads;
    c.provider.on("status", ({ status }: { status: string }) => {
      if (status === "connected" && c.text.length === 0) c.text.insert(0, "early bird");
    });
    c.provider.connect();
    try {
      await synced(c);
      expect(store.loads).toBe(loadsBefore + 1);
      const deadline = Date.now() + 5000;
      let stored = "";
      while (!stored.includes("early bird") && Date.now() < deadline) {
        stored = storedText((await new PostgresNotesStore(pool).load("s2")).state);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(stored).toContain("early bird");
      expect(collab.room("s2").doc.getXmlFragment("notes").toString()).toBe(c.doc.getXmlFragment("notes").toString());
    } finally {
      c.destroy();
    }
  });

  it("re-creates a session's notes on PostgreSQL: editors closed as stale, an empty document, a new generation", async () => {
    const before = await collab.generation("s3");
    const dana = connectClient(wsUrl, "s3", { connect: false });
    const closes: number[] = [];
    dana.provider.on("connection-close", (event: CloseEvent | null) => event && closes.push(event.code));
    dana.provider.connect();
    try {
      await synced(dana);
      dana.text.insert(0, "about to vanish");
      await waitFor(
        () => collab.room("s3").doc.getXmlFragment("notes").toString().includes("vanish"),
        5000,
        "room has it",
      );

      const after = await collab.recreateNotes("s3");
      expect(after).not.toBe(before);
      await waitFor(() => closes.length > 0, 5000, "dana closed");
      expect(closes[0]).toBe(CloseCode.StaleGeneration);
      dana.provider.disconnect();
      // Committed: a fresh load from PostgreSQL is empty and of the new generation.
      const stored = await new PostgresNotesStore(pool).load("s3");
      expect(stored.generation).toBe(after);
      expect(storedText(stored.state)).toBe("");
      expect(await collab.generation("s3")).toBe(after);
    } finally {
      dana.destroy();
    }
  });
});
