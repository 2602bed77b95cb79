import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import { CollabServer } from "../../server/collab/collab-server";
import { NotesStore } from "../../server/collab/notes-store";
import { openSqlite } from "../../server/db/open-sqlite";
import { readStoredXml } from "../support/convergence";
import { type RunningServer, startServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { waitFor } from "../support/yclient";
import { connectionAccess } from "../support/connection-access";

let db: SeededServer["db"];

let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  ({ server, sessionId, token, db } = await startSeededServer({ prefix: "talknotes-generation-" }));
});

afterAll(async () => {
  await server?.stop();
});

/** A client holding a local copy of one generation (what the editor keeps in IndexedDB). */
function clientOf(wsUrl: string, gen: string | null, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsUrl, sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: gen ? { gen, token } : { token },
    maxBackoffTime: 300,
    disableBc: true,
  });
  const closes: number[] = [];
  provider.on("closed", ({ code }: { code: number }) => closes.push(code));
  return { doc, provider, closes };
}

function type(doc: Y.Doc, words: string) {
  const fragment = doc.getXmlFragment("notes");
  if (fragment.length === 0) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText()]);
    fragment.insert(0, [p]);
  }
  const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(text.length, words);
}

async function generation(): Promise<string> {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/generation`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { generation: string }).generation;
}

describe("document generations", () => {
  it("refuses a stale local copy of a re-created session before any sync, so it never merges in", async () => {
    const first = await generation();
    expect(await generation()).toBe(first);

    const alice = clientOf(server.wsUrl, first);
    await waitFor(() => alice.provider.synced, 10_000, "alice synced");
    type(alice.doc, "old incarnation ");
    await waitFor(() => readStoredXml(db.url, sessionId).includes("old incarnation"), 5000, "stored");
    alice.provider.disconnect();
    type(alice.doc, "typed offline ");

    // Re-create the notes (new generation) while Alice is away.
    await server.stop();
    const sqlite = openSqlite(db.file);
    const second = new NotesStore(sqlite).recreate(sessionId);
    sqlite.close();
    expect(second).not.toBe(first);
    server = await startServer({ databaseUrl: db.url, port: server.port });
    expect(await generation()).toBe(second);

    alice.provider.connect();
    await waitFor(() => alice.closes.length > 0, 10_000, "stale close");
    expect(alice.closes).toEqual([CloseCode.StaleGeneration]);
    expect(alice.provider.synced).toBe(false);

    // The new document holds nothing of the old copy; a fresh client of the new generation works.
    const bob = clientOf(server.wsUrl, second);
    await waitFor(() => bob.provider.synced, 10_000, "bob synced");
    type(bob.doc, "new incarnation");
    await waitFor(() => readStoredXml(db.url, sessionId).includes("new incarnation"), 5000, "bob stored");
    const stored = readStoredXml(db.url, sessionId);
    expect(stored).not.toContain("old incarnation");
    expect(stored).not.toContain("typed offline");
    // A client that does not know the generation yet is let in (it learns it over HTTP).
    const carol = clientOf(server.wsUrl, null);
    await waitFor(
      () => carol.doc.getXmlFragment("notes").toString().includes("new incarnation"),
      10_000,
      "carol synced",
    );
    for (const c of [alice, bob, carol]) {
      c.provider.destroy();
      c.doc.destroy();
    }
  });

  it("re-creating a live session closes its editors as stale and drops what the old room still held", async () => {
    // In-process collab server on the same (already migrated) database: recreateNotes is a server function.
    const sqlite = openSqlite(db.file);
    const collab = new CollabServer({ store: new NotesStore(sqlite), authorize: () => connectionAccess() });
    const httpServer = http.createServer();
    httpServer.on("upgrade", (req, socket, head) => collab.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const wsUrl = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/collab`;
    try {
      const before = await collab.generation(sessionId);
      const dana = clientOf(wsUrl, before);
      await waitFor(() => dana.provider.synced, 10_000, "dana synced");
      type(dana.doc, "about to vanish");
      await waitFor(
        () => collab.room(sessionId).doc.getXmlFragment("notes").toString().includes("vanish"),
        5000,
        "room has it",
      );

      const after = await collab.recreateNotes(sessionId);
      expect(after).not.toBe(before);
      await waitFor(() => dana.closes.length > 0, 5000, "dana closed");
      expect(dana.closes).toEqual([CloseCode.StaleGeneration]);
      // Reconnecting with the old generation is refused again; the new document is empty.
      dana.provider.connect();
      await waitFor(() => dana.closes.length > 1, 5000, "dana refused again");
      expect(dana.closes[1]).toBe(CloseCode.StaleGeneration);
      expect(await collab.generation(sessionId)).toBe(after);
      expect(collab.room(sessionId).doc.getXmlFragment("notes").length).toBe(0);
      const erin = clientOf(wsUrl, after);
      await waitFor(() => erin.provider.synced, 10_000, "erin synced");
      expect(erin.doc.getXmlFragment("notes").length).toBe(0);
      for (const c of [dana, erin]) {
        c.provider.destroy();
        c.doc.destroy();
      }
    } finally {
      collab.close();
      httpServer.close();
      sqlite.close();
    }
  });
});
