import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type RunningServer, startServer } from "../support/server-process";
import { type SeededServer, startSeededServer } from "../support/seeded-server";
import { connectClient, synced, waitFor } from "../support/yclient";

let db: SeededServer["db"];

let server: RunningServer;
let sessionId: string;
let token: string;

beforeAll(async () => {
  ({ server, sessionId, token, db } = await startSeededServer());
});

afterAll(async () => {
  await server?.stop();
});

describe("collaboration server", () => {
  it("lets two real y-websocket clients converge, and restores the document from SQLite after a restart", async () => {
    const alice = connectClient(server.wsUrl, sessionId, { token });
    const bob = connectClient(server.wsUrl, sessionId, { token });
    await Promise.all([synced(alice), synced(bob)]);

    alice.text.insert(0, "Jody: focus on unplanned work. ");
    await waitFor(() => bob.doc.getXmlFragment("notes").toString().includes("unplanned work"), 5000, "bob sees alice");
    bob.text.insert(bob.text.length, "Rolf: mention cycle time.");
    await waitFor(() => alice.doc.getXmlFragment("notes").toString().includes("cycle time"), 5000, "alice sees bob");

    const expected = alice.doc.getXmlFragment("notes").toString();
    expect(bob.doc.getXmlFragment("notes").toString()).toBe(expected);
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));
    alice.destroy();
    bob.destroy();

    await server.stop();
    server = await startServer({ databaseUrl: db.url });

    const carol = connectClient(server.wsUrl, sessionId, { token });
    await synced(carol);
    await waitFor(() => carol.doc.getXmlFragment("notes").toString() === expected, 5000, "restored document");
    expect(carol.doc.getXmlFragment("notes").toString()).toBe(expected);
    carol.destroy();
  });

  it("keeps every edit that reached the server across a SIGKILL (no graceful shutdown)", async () => {
    const writer = connectClient(server.wsUrl, sessionId, { token });
    await synced(writer);
    for (let i = 0; i < 50; i++) writer.text.insert(writer.text.length, `w${i} `);
    const expected = writer.doc.getXmlFragment("notes").toString();
    // The server promises durability within 100 ms of receipt: wait that long, then crash it.
    await new Promise((r) => setTimeout(r, 250));
    writer.provider.disconnect();
    await server.kill();
    writer.destroy();

    server = await startServer({ databaseUrl: db.url });
    const reader = connectClient(server.wsUrl, sessionId, { token });
    await synced(reader);
    await waitFor(() => reader.doc.getXmlFragment("notes").toString() === expected, 5000, "document after crash");
    reader.destroy();
  });

  it("refuses connections to sessions that do not exist and malformed room names", async () => {
    const { default: WebSocket } = await import("ws");
    for (const path of ["/collab/does-not-exist", "/collab/..%2Fetc", "/collab/"]) {
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => resolve(101));
        ws.on("error", () => undefined);
      });
      expect(status, path).toBeGreaterThanOrEqual(400);
    }
  });
});
