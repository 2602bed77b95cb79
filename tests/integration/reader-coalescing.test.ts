import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type SaveTracker, trackSaves } from "../../app/collab/save-tracker";
import { CloseCode } from "../../lib/collab/close-codes";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { openRawCollabSocket } from "../support/raw-collab-socket";
import type { RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";
import { connectClient, synced, type TestClient, waitFor } from "../support/yclient";

/**
 * Readers (read-only connections) get a room's broadcasts coalesced
 * (server/collab/reader-fanout.ts): through the real server, with real
 * y-websocket clients, every edit reaches every reader exactly once (in
 * fewer, merged frames) and the readers converge with the editors; a reader
 * that stops reading is still closed as Behind. READER_BATCH_MIN_MS makes the
 * merging certain here; in production it follows the cost of the fan-out.
 */

const BATCH_MS = 150;
let server: RunningServer;
let sessionId: string;
let token: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  ({ server, sessionId, token } = await startSeededServer({
    prefix: "talknotes-reader-coalescing-",
    env: { READER_BATCH_MIN_MS: String(BATCH_MS) },
  }));
  const { getPrisma } = await import("../../server/db/prisma");
  // Live: the public may follow it read-only without an account.
  await getPrisma().session.update({ where: { id: sessionId }, data: { status: "live" } });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

/** Every sync update message (type 0, 2) the client's socket receives, as raw bytes, across reconnects. */
function recordUpdateFrames(client: TestClient): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const listen = () => {
    client.provider.ws?.addEventListener("message", (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      if (bytes[0] === 0 && bytes[1] === 2) frames.push(bytes);
    });
  };
  listen();
  client.provider.on("status", ({ status }: { status: string }) => status === "connecting" || listen());
  return frames;
}

/** How many times each marker `<n>` (n < count) occurs in the frames' bytes. */
function markerCounts(frames: Uint8Array[], count: number): number[] {
  const counts = new Array<number>(count).fill(0);
  for (const frame of frames) {
    for (const m of Buffer.from(frame)
      .toString("latin1")
      .matchAll(/<(\d+)>/g)) {
      const n = Number(m[1]);
      if (n < count) counts[n]! += 1;
    }
  }
  return counts;
}

describe("broadcasts to readers are coalesced", () => {
  it("every edit reaches every reader exactly once, in merged frames, and readers converge", async () => {
    const editor = connectClient(server.wsUrl, sessionId, { token });
    const coEditor = connectClient(server.wsUrl, sessionId, { token });
    const readers = [0, 1, 2].map(() => connectClient(server.wsUrl, sessionId));
    clients.push(editor, coEditor, ...readers);
    await Promise.all([editor, coEditor, ...readers].map((c) => synced(c, 20_000)));
    const text = editor.text;
    await waitFor(
      () => [coEditor, ...readers].every((c) => c.doc.getXmlFragment("notes").length > 0),
      10_000,
      "structure everywhere",
    );
    const readerFrames = readers.map(recordUpdateFrames);

    // 40 edits, each its own message to the server, 10 ms apart (~400 ms, so 3-5 reader batches).
    const EDITS = 40;
    const start = performance.now();
    for (let n = 0; n < EDITS; n++) {
      text.insert(text.length, `<${n}>`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const typingMs = performance.now() - start;
    const expected = text.toString();
    await waitFor(
      () => [coEditor, ...readers].every((c) => c.text.toString() === expected),
      10_000,
      "every client to have every edit",
    );

    for (const [i, reader] of readers.entries()) {
      // Converged: the same document as the editor's, not only the same text.
      expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(editor.doc));
      expect(markerCounts(readerFrames[i]!, EDITS), `reader ${i}: each edit in exactly one frame`).toEqual(
        new Array(EDITS).fill(1),
      );
      // At most one frame per BATCH_MS while typing, plus the one after. Old behaviour: one frame per
      // event-loop turn that had an edit, i.e. ~40 here.
      expect(readerFrames[i]!.length, `reader ${i} frames in ${typingMs.toFixed(0)} ms`).toBeLessThanOrEqual(
        Math.ceil(typingMs / BATCH_MS) + 2,
      );
    }
    expect(Y.encodeStateVector(coEditor.doc)).toEqual(Y.encodeStateVector(editor.doc));
  }, 60_000);

  it("a reader that stops reading is still closed as Behind, and the others keep up", async () => {
    const editor = connectClient(server.wsUrl, sessionId, { token, connect: false });
    const tracker: SaveTracker = trackSaves(editor.provider);
    editor.provider.connect();
    const reader = connectClient(server.wsUrl, sessionId);
    clients.push(editor, reader);
    await Promise.all([synced(editor, 20_000), synced(reader, 20_000)]);
    const burst = "x".repeat(900 * 1024);
    const typeBurst = async () => {
      editor.text.insert(editor.text.length, burst);
      await waitFor(() => tracker.pending === 0, 20_000, "burst saved");
    };
    // A document of a few MB, which the slow reader then asks for again and again without reading: the
    // replies fill the kernel's socket buffers (they do not count against the bound), so what follows
    // stays in the server's memory, where the bound applies. It never reads before pausing, so the
    // kernel never grows its receive buffer.
    for (let n = 0; n < 3; n++) await typeBurst();
    const slow = await openRawCollabSocket(server.wsUrl, sessionId, { localAddress: "127.0.1.9" });
    slow.pauseReading();
    for (let n = 0; n < 20; n++) slow.sendStep1();
    let closedWith: number | null = null;
    void slow.closed.then((code) => (closedWith = code));

    // Well over the bound in bursts (each saved before the next), then small edits: each later write checks it.
    for (let n = 0; n < Math.ceil(COLLAB_LIMITS.maxBufferedBytes / burst.length) + 3; n++) await typeBurst();
    for (let n = 0; n < 5; n++) {
      editor.text.insert(editor.text.length, ".");
      await new Promise((r) => setTimeout(r, BATCH_MS));
    }
    slow.resumeReading();
    await waitFor(() => closedWith !== null, 60_000, "the slow reader to be closed");
    expect(closedWith).toBe(CloseCode.Behind);
    await waitFor(() => reader.text.toString() === editor.text.toString(), 20_000, "the reading reader to keep up");
    tracker.destroy();
  }, 240_000);
});
