import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { CloseCode } from "../../lib/collab/close-codes";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { openRawCollabSocket, type RawCollabSocket } from "../support/raw-collab-socket";
import { type RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";
import { connectClient, synced, type TestClient, waitFor } from "../support/yclient";

/**
 * docs/SECURITY.md, "Collaboration": one small frame must not buy the whole document. A sync
 * step 1 that arrives while an earlier reply is still being written is
 * merged (one diff, plus an empty step 2 for each merged step 1, so every
 * step 1 still gets its own step 2 in order), and a connection that stops
 * reading is closed as Behind once more than COLLAB_LIMITS.maxBufferedBytes
 * wait for it. Against a ~3 MB document, through the real server.
 */

let server: RunningServer;
let sessionId: string;
let token: string;
let editor: TestClient;
let tracker: SaveTracker;
const DOC_BYTES = 3 * 1024 * 1024;

beforeAll(async () => {
  ({ server, sessionId, token } = await startSeededServer({ prefix: "talknotes-sync-bound-" }));
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().session.update({ where: { id: sessionId }, data: { status: "live" } });
  editor = connectClient(server.wsUrl, sessionId, { token, connect: false });
  tracker = trackSaves(editor.provider);
  editor.provider.connect();
  await synced(editor);
  // A big document, typed in pieces under the frame limit.
  const piece = "lorem ipsum dolor sit amet ".repeat(20_000).slice(0, 512 * 1024);
  for (let n = 0; n < DOC_BYTES / piece.length; n++) {
    editor.text.insert(editor.text.length, piece);
    await waitFor(() => tracker.pending === 0, 20_000, "piece saved");
  }
}, 120_000);

afterAll(async () => {
  tracker?.destroy();
  editor?.destroy();
  await server?.stop();
});

function rssMiB(): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

async function healthMs(): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
  return performance.now() - start;
}

describe("sync step 1 and backpressure", () => {
  it("answers a burst of step 1s one step 2 each, in order, but sends the document only a few times", async () => {
    const reader = await openRawCollabSocket(server.wsUrl, sessionId);
    await reader.roundTrip(30_000); // the first copy of the document
    const received = reader.bytesReceived;
    expect(received).toBeGreaterThan(DOC_BYTES);
    for (let i = 0; i < 50; i++) reader.sendStep1();
    await waitFor(() => reader.step2s === 51, 30_000, "a step 2 for every step 1");
    // Old behaviour: 50 more copies of the document (150 MB). Merged: a step 1 is answered at once
    // only when no reply is being written; all that arrive meanwhile share the next one. How many
    // copies that makes depends on how fast this reader reads (on loopback: 2-3), never on 50.
    expect(reader.bytesReceived - received).toBeLessThan(10 * DOC_BYTES);
    reader.close();
  }, 60_000);

  it("a reader that never reads costs bounded memory, is closed as Behind, and the server stays responsive", async () => {
    const before = rssMiB();
    const readers: RawCollabSocket[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await openRawCollabSocket(server.wsUrl, sessionId, { localAddress: `127.0.1.${i + 1}` });
      r.pauseReading();
      // 100 four-byte frames asking for the whole document (old code: 100 copies each).
      for (let n = 0; n < 100; n++) r.sendStep1();
      readers.push(r);
    }
    const slowest = Math.max(...(await Promise.all(Array.from({ length: 5 }, () => healthMs()))));
    const grown = rssMiB() - before;
    console.info(
      "[measure] non-readers",
      JSON.stringify({
        rssBeforeMiB: Math.round(before),
        rssAfterMiB: Math.round(rssMiB()),
        healthMaxMs: Math.round(slowest),
      }),
    );
    // Each holds at most one document being written plus the buffer bound.
    expect(grown, `RSS ${before.toFixed(0)} -> ${rssMiB().toFixed(0)} MiB`).toBeLessThan(
      5 * (DOC_BYTES / 2 ** 20 + COLLAB_LIMITS.maxBufferedBytes / 2 ** 20) + 80,
    );
    expect(slowest).toBeLessThan(1000);

    // The editor keeps typing: once more than the bound waits for them, they are closed.
    const burst = "x".repeat(900 * 1024);
    for (let n = 0; n < Math.ceil(COLLAB_LIMITS.maxBufferedBytes / burst.length) + 1; n++) {
      editor.text.insert(editor.text.length, burst);
      await waitFor(() => tracker.pending === 0, 20_000, "burst saved");
    }
    for (const r of readers) r.resumeReading();
    const codes = await Promise.all(readers.map((r) => r.closed));
    expect(codes.every((c) => c === CloseCode.Behind)).toBe(true);

    // The editor is unaffected and in sync with what the server stored.
    const check = connectClient(server.wsUrl, sessionId, { token });
    await synced(check);
    expect(Y.encodeStateVector(check.doc)).toEqual(Y.encodeStateVector(editor.doc));
    check.destroy();
  }, 120_000);
});
