import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CollabServer } from "../../server/collab/collab-server";
import { NotesStore } from "../../server/collab/notes-store";
import { openSqlite } from "../../server/db/open-sqlite";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { readStoredXml } from "../support/convergence";
import { type RunningServer, startServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { type TestClient, connectClient, synced, waitFor } from "../support/yclient";
import { connectionAccess } from "../support/connection-access";

let db: SeededServer["db"];

let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  ({ server, sessionId, token, db } = await startSeededServer({ prefix: "talknotes-crash-" }));
});

afterAll(async () => {
  await server?.stop();
});

const CLIENTS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The text of every paragraph, read from a notes fragment's XML. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<paragraph>(.*?)<\/paragraph>/g)].map((m) => m[1]!);
}

describe("crash safety", () => {
  it("loses no character typed by several clients while the server is SIGKILLed and restarted twice", async () => {
    // One paragraph per note-taker, created by the first one, so each types in their own line.
    const clients: TestClient[] = [];
    const trackers: SaveTracker[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const c = connectClient(server.wsUrl, sessionId, { connect: false });
      c.provider.params = { token };
      trackers.push(trackSaves(c.provider, { probeDelayMs: 50 }));
      c.provider.connect();
      clients.push(c);
    }
    await Promise.all(clients.map((c) => synced(c)));
    const fragment = clients[0]!.doc.getXmlFragment("notes");
    fragment.insert(
      0,
      Array.from({ length: CLIENTS }, () => {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText()]);
        return p;
      }),
    );
    await waitFor(
      () => clients.every((c) => c.doc.getXmlFragment("notes").length === CLIENTS),
      5000,
      "paragraphs everywhere",
    );

    // Everyone types a character every 7 ms, whether or not the server is up.
    const typed = clients.map(() => "");
    let typing = true;
    const typists = clients.map(async (c, i) => {
      const text = (c.doc.getXmlFragment("notes").get(i) as Y.XmlElement).get(0) as Y.XmlText;
      let n = 0;
      while (typing) {
        const ch = String.fromCharCode(97 + ((i * 7 + n++) % 26));
        text.insert(text.length, ch);
        typed[i] += ch;
        await sleep(7);
      }
    });

    for (let crash = 0; crash < 2; crash++) {
      await sleep(400);
      await server.kill();
      await sleep(300);
      server = await startServer({ databaseUrl: db.url, port: server.port });
      await waitFor(() => clients.every((c) => c.provider.synced), 15_000, "clients back after the restart");
    }
    await sleep(300);
    typing = false;
    await Promise.all(typists);

    // "Saved" everywhere means every character is in SQLite: crash once more, then read the file.
    await waitFor(() => trackers.every((t) => t.caughtUp && t.pending === 0), 15_000, "every client saved");
    for (const c of clients) c.provider.disconnect();
    await server.kill();
    const stored = paragraphs(readStoredXml(db.url, sessionId));

    let lost = 0;
    for (let i = 0; i < CLIENTS; i++) lost += Math.max(0, typed[i]!.length - (stored[i]?.length ?? 0));
    expect(lost, "lost characters").toBe(0);
    expect(stored).toEqual(typed);
    expect(typed.every((t) => t.length > 150)).toBe(true);

    for (const t of trackers) t.destroy();
    for (const c of clients) c.destroy();
    server = await startServer({ databaseUrl: db.url, port: server.port });
  });

  it("says Saved only once the edit is in SQLite, also for an edit that only deletes", async () => {
    // In-process collab server with a long batch window, so "received" and "stored" are far apart.
    const sqlite = openSqlite(db.file);
    const collab = new CollabServer({
      store: new NotesStore(sqlite),
      authorize: () => connectionAccess(),
      room: { flushDelayMs: 700 },
    });
    const httpServer = http.createServer();
    httpServer.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const client = connectClient(`ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/collab`, sessionId, {
      connect: false,
    });
    const tracker = trackSaves(client.provider, { probeDelayMs: 10 });
    client.provider.connect();
    try {
      await synced(client);
      await waitFor(() => tracker.caughtUp && tracker.pending === 0, 5000, "initially saved");
      const text = client.text;
      await waitFor(() => tracker.pending === 0, 5000, "paragraph saved");
      const stored = () => readStoredXml(db.url, sessionId);

      text.insert(0, "ZQ");
      await sleep(250);
      expect(tracker.pending, "not yet stored, so not yet saved").toBe(1);
      expect(stored()).not.toContain("ZQ");
      await waitFor(() => tracker.pending === 0, 5000, "insert confirmed");
      expect(stored()).toContain("ZQ");

      text.delete(0, 1); // adds no clock: a state-vector comparison would call this saved at once
      await sleep(250);
      expect(tracker.pending).toBe(1);
      expect(stored()).toContain("ZQ");
      await waitFor(() => tracker.pending === 0, 5000, "delete confirmed");
      expect(stored()).not.toContain("ZQ");
      expect(stored()).toContain("Q");
    } finally {
      tracker.destroy();
      client.destroy();
      collab.close();
      httpServer.close();
      sqlite.close();
    }
  });
});
