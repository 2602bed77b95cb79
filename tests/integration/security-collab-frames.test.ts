import fs from "node:fs";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import type { RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";
import { connectClient, synced, type TestClient, waitFor } from "../support/yclient";

/**
 * Hostile and broken collaboration clients: malformed, truncated and random
 * frames, huge varint lengths, unknown message types, oversized frames and
 * floods each close that one connection, while two real co-editors keep
 * editing and the server's memory stays bounded. Pre-auth limits answer 429.
 */
let server: RunningServer;
let sessionId: string;
let token: string;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  ({ server, sessionId, token } = await startSeededServer({ prefix: "talknotes-frames-" }));
  alice = connectClient(server.wsUrl, sessionId, { token });
  bob = connectClient(server.wsUrl, sessionId, { token });
  await Promise.all([synced(alice), synced(bob)]);
});

afterAll(async () => {
  alice?.destroy();
  bob?.destroy();
  await server?.stop();
});

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Opens a raw socket as an editor, sends `frames`, and resolves with the close code the server chose. */
function sendRaw(frames: Array<Buffer | string>, options: { binary?: boolean } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/${sessionId}?token=${token}`);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`server did not close the connection after ${frames.length} frame(s)`));
    }, 10_000);
    ws.on("open", () => {
      for (const f of frames) ws.send(f, { binary: options.binary ?? typeof f !== "string" });
    });
    ws.on("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    ws.on("error", () => undefined);
  });
}

let counter = 0;
async function stillEditing(): Promise<void> {
  const word = `still-editing-${++counter}`;
  alice.text.insert(alice.text.length, ` ${word}`);
  await waitFor(() => bob.doc.getXmlFragment("notes").toString().includes(word), 5000, `bob sees ${word}`);
  bob.text.insert(0, `${word}-back `);
  await waitFor(
    () => alice.doc.getXmlFragment("notes").toString().includes(`${word}-back`),
    5000,
    `alice sees ${word}-back`,
  );
}

function frame(...parts: Array<(e: encoding.Encoder) => void>): Buffer {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return Buffer.from(encoding.toUint8Array(e));
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeUint8Array(e, b);

function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment("notes").insert(0, [new Y.XmlText(text)]);
  return Y.encodeStateAsUpdate(doc);
}

/** A valid update of a client whose first changes are missing: it cannot be integrated. */
function gappedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText("t");
  text.insert(0, "first ");
  const before = Y.encodeStateVector(doc);
  text.insert(6, "second");
  return Y.encodeStateAsUpdate(doc, before);
}

describe("malformed frames close only their own connection", () => {
  const cases: Array<[string, Array<Buffer | string>, number[]]> = [
    ["random bytes", [Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x99, 0x01])], [CloseCode.Malformed]],
    ["unknown message type", [frame(uint(7), uint(1), uint(2))], [CloseCode.Malformed]],
    ["unknown sync subtype", [frame(uint(0), uint(9), uint(0))], [CloseCode.Malformed]],
    ["truncated sync step 1 (no state vector)", [frame(uint(0), uint(0))], [CloseCode.Malformed]],
    [
      "truncated update (length says 500, 3 bytes follow)",
      [frame(uint(0), uint(2), uint(500), bytes(new Uint8Array([1, 2, 3])))],
      [CloseCode.Malformed],
    ],
    ["huge varint length", [Buffer.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])], [CloseCode.Malformed]],
    ["varint that never ends", [Buffer.concat([Buffer.from([0, 2]), Buffer.alloc(64, 0xff)])], [CloseCode.Malformed]],
    [
      "garbage inside a well-framed update",
      [frame(uint(0), uint(2), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 7, 7, 7, 7])))],
      [CloseCode.Malformed],
    ],
    [
      "truncated valid update",
      [frame(uint(0), uint(2), (e) => encoding.writeVarUint8Array(e, validUpdate("half a message").slice(0, 9)))],
      [CloseCode.Malformed],
    ],
    [
      "update that skips history after the client's sync step 2 (would wait in memory forever)",
      [
        frame(uint(0), uint(1), (e) => encoding.writeVarUint8Array(e, new Uint8Array([0, 0]))),
        frame(uint(0), uint(2), (e) => encoding.writeVarUint8Array(e, gappedUpdate())),
      ],
      [CloseCode.Malformed],
    ],
    ["trailing bytes after a valid message", [frame(uint(3), uint(42))], [CloseCode.Malformed]],
    [
      "broken awareness update",
      [frame(uint(1), (e) => encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 250, 250, 250])))],
      [CloseCode.Malformed],
    ],
    ["empty frame", [Buffer.alloc(0)], [CloseCode.Malformed]],
    ["text frame", ["hello"], [CloseCode.Malformed]],
    ["frame over the 1 MiB limit", [Buffer.alloc(1024 * 1024 + 16, 0)], [1009]],
  ];
  for (const [name, frames, codes] of cases) {
    it(`${name}: closed (${codes.join("/")}), co-editors carry on`, async () => {
      expect(codes).toContain(await sendRaw(frames));
      await stillEditing();
    });
  }

  it("before the client's sync step 2, an update that skips history is dropped, not applied, and the connection stays", async () => {
    const ws = new WebSocket(`${server.wsUrl}/${sessionId}?token=${token}`);
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    ws.on("error", () => undefined);
    await new Promise<void>((resolve) => ws.on("open", () => resolve()));
    ws.send(frame(uint(0), uint(2), (e) => encoding.writeVarUint8Array(e, gappedUpdate())));
    const outcome = await Promise.race([closed, new Promise<"open">((r) => setTimeout(() => r("open"), 1500))]);
    expect(outcome).toBe("open");
    ws.close();
    await stillEditing();
    expect(alice.doc.getText("t").toString()).toBe("");
  });

  it("a flood of messages is closed as rate limited, co-editors carry on", async () => {
    const query = frame(uint(3));
    expect(await sendRaw(Array.from({ length: 2000 }, () => query))).toBe(CloseCode.RateLimited);
    await stillEditing();
  });

  it("nothing of the hostile frames reached the document", async () => {
    const text = alice.doc.getXmlFragment("notes").toString();
    expect(text).not.toContain("half a message");
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));
  });

  it("memory stays bounded over 150 hostile connections sending random bytes", async () => {
    const before = rssMiB(server.pid);
    for (let round = 0; round < 15; round++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const junk = Buffer.alloc(64 * 1024 + round * 997 + i);
          for (let j = 0; j < junk.length; j++) junk[j] = (j * 31 + round * 7 + i) & 0xff;
          return sendRaw([junk]);
        }),
      );
      // Stay under the per-address upgrade rate: this test is about memory, not the rate limit.
      await new Promise((r) => setTimeout(r, 600));
    }
    await stillEditing();
    const after = rssMiB(server.pid);
    expect(after - before, `RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MiB`).toBeLessThan(150);
  });
});

describe("limits before authentication", () => {
  it("a burst of upgrades from one address is answered 429 before any authorisation, then recovers", async () => {
    await new Promise((r) => setTimeout(r, 3500)); // let the upgrade bucket refill after the tests above
    const statuses = await Promise.all(
      Array.from(
        { length: 120 },
        () =>
          new Promise<number>((resolve) => {
            const ws = new WebSocket(`${server.wsUrl}/no-such-session`);
            ws.on("unexpected-response", (_req, res) => {
              resolve(res.statusCode ?? 0);
              ws.terminate();
            });
            ws.on("open", () => resolve(101));
            ws.on("error", () => resolve(0));
          }),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s === 404).length).toBeGreaterThan(20);
    await new Promise((r) => setTimeout(r, 3500));
    await stillEditing();
  });
});
