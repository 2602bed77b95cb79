/**
 * Scenario 4, a real-world-sized editing trace: ~260,000 single-character
 * edits with the shape of B4 (support/generate-editing-trace.ts: the original
 * cannot be shipped here, so a seeded generator reproduces its size, delete
 * share and bursty cursor movement).
 *
 * A. Through the real server: one y-websocket client replays the trace into a
 *    session's notes. The server allows 200 messages/s per connection, which
 *    would make one message per keystroke take 22 minutes; the client sends
 *    `KEYS_PER_MESSAGE` keystrokes per Yjs transaction at 180 messages/s, and the
 *    server's CPU time per keystroke gives its capacity independent of that pacing.
 * B. Through the server's Room + NotesStore in this process, one update per
 *    keystroke, as fast as they go (the flush timer batches them): the ingest
 *    ceiling of the room code without the network or the rate limit.
 * Then: stored size in SQLite, load time (Room constructor, median of 5) and
 * memory per loaded document (V8 heap + external after a forced GC, 5 copies).
 */
import * as Y from "yjs";
import { DEFAULT_ROOM_OPTIONS, Room } from "../server/collab/room";
import { NotesStore } from "../server/collab/notes-store";
import { synced, waitFor, type TestClient } from "../tests/support/yclient";
import { connectEditor } from "./support/connect-editor";
import type { BenchContext } from "./support/bench-context";
import { fmt } from "./support/format";
import { B4_EDITS, generateEditingTrace } from "./support/generate-editing-trace";
import { goalsTable } from "./support/goals-table";
import { heapPerCopy } from "./support/heap-per-copy";
import { judgeGoal } from "./support/judge-goal";
import { markdownTable } from "./support/markdown-table";
import { measureWindow } from "./support/measure-window";
import type { ScenarioResult } from "./support/scenario-result";
import { seedSessions } from "./support/seed-sessions";
import { sleep } from "./support/sleep";
import { traceUpdates } from "./support/trace-updates";

const KEYS_PER_MESSAGE = 40;
const MESSAGES_PER_SECOND = 180;
const GOAL_MEMORY_BYTES = 5 * 2 ** 20;

/** Replays the trace through the server and the room code, then measures what the stored document costs. */
export async function runEditingTraceBench(ctx: BenchContext): Promise<ScenarioResult> {
  const edits = ctx.quick ? 5_000 : B4_EDITS;
  const trace = generateEditingTrace(edits);
  const seed = await seedSessions("Editing Trace Bench", ["B4 through the server", "B4 through Room in-process"]);
  const viaServer = seed.sessions[0]!;
  const inProcess = seed.sessions[1]!;

  // A. Through the real server.
  const server = await ctx.startServer();
  let replay: {
    seconds: number;
    messages: number;
    serverCpuSeconds: number;
    serverCores: number;
    generatorCores: number;
    machineBusy: number;
  };
  const clients: TestClient[] = [];
  try {
    const writer = connectEditor(server.wsUrl, viaServer.id, seed.token);
    clients.push(writer);
    await synced(writer, 30_000);
    const text = writer.text;
    await sleep(300);
    ctx.log(`editing-trace: replaying ${edits} edits through the server, ${KEYS_PER_MESSAGE} per message`);
    const window = measureWindow(server.pid);
    const t0 = performance.now();
    let next = 0;
    let messages = 0;
    while (next < edits) {
      const due = Math.floor(((performance.now() - t0) / 1000) * MESSAGES_PER_SECOND) + 1;
      while (messages < due && next < edits) {
        const end = Math.min(edits, next + KEYS_PER_MESSAGE);
        writer.doc.transact(() => {
          for (let i = next; i < end; i++) {
            if (trace.del[i]) text.delete(trace.pos[i]!, 1);
            else text.insert(trace.pos[i]!, String.fromCharCode(trace.chars[i]!));
          }
        });
        next = end;
        messages++;
      }
      await sleep(5);
    }
    // Done when a fresh client gets the whole text from the server.
    const verifier = connectEditor(server.wsUrl, viaServer.id, seed.token);
    clients.push(verifier);
    await synced(verifier, 60_000);
    await waitFor(() => verifier.text.length === trace.finalLength, 60_000, "the server to hold the whole trace");
    const seconds = (performance.now() - t0) / 1000;
    const m = window.end();
    replay = {
      seconds,
      messages,
      serverCpuSeconds: m.serverCpuSeconds,
      serverCores: m.serverCores,
      generatorCores: m.generatorCores,
      machineBusy: m.machineBusy,
    };
    if (writer.text.toString() !== verifier.text.toString())
      throw new Error("editing-trace: server copy differs from the writer's");
    for (const c of clients.splice(0)) c.destroy();
    await sleep(500); // the room stores the last batch when the writer leaves
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
  }

  // B. The room code in this process, one update per keystroke.
  ctx.log("editing-trace: replaying one update per keystroke through Room + NotesStore in-process");
  const { updates } = traceUpdates(trace, edits, 1);
  const store = new NotesStore(ctx.db);
  const room = new Room(inProcess.id, store, { ...DEFAULT_ROOM_OPTIONS }, () => undefined);
  const tIngest = performance.now();
  for (let i = 0; i < updates.length; i++) {
    Y.applyUpdate(room.doc, updates[i]!);
    // Yield now and then so the 40 ms flush timer fires as it would in the server.
    if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
  }
  room.destroy();
  const ingestSeconds = (performance.now() - tIngest) / 1000;
  updates.length = 0;

  const storedBytes = (sessionId: string) =>
    (
      ctx.db
        .prepare(
          `SELECT (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM "NotesUpdate" WHERE sessionId = ?) + COALESCE(LENGTH(snapshot), 0) AS bytes
         FROM "NotesDocument" WHERE sessionId = ?`,
        )
        .get(sessionId, sessionId) as { bytes: number }
    ).bytes;
  const rowsOf = (sessionId: string) =>
    (ctx.db.prepare(`SELECT COUNT(*) AS n FROM "NotesUpdate" WHERE sessionId = ?`).get(sessionId) as { n: number }).n;

  // Load time and memory of the document the server stored.
  const open = () => new Room(viaServer.id, store, { ...DEFAULT_ROOM_OPTIONS }, () => undefined);
  open().destroy(); // warm-up
  const loadTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = open();
    loadTimes.push(performance.now() - t);
    if (i === 0 && r.doc.getXmlFragment("notes").toString().length < trace.finalLength)
      throw new Error("editing-trace: stored document is incomplete");
    r.destroy();
  }
  loadTimes.sort((a, b) => a - b);
  const perDocument = heapPerCopy(open, 5);

  const keystrokesPerCoreSecond = edits / Math.max(0.001, replay.serverCpuSeconds);
  const table = markdownTable(
    [
      "path",
      "edits:",
      "messages:",
      "time (s):",
      "keystrokes/s:",
      "server CPU (s):",
      "keystrokes per server CPU-second:",
      "stored (KB):",
      "rows in log:",
    ],
    [
      [
        `real server, ${KEYS_PER_MESSAGE} keystrokes/message at ${MESSAGES_PER_SECOND} msg/s`,
        fmt.int(edits),
        fmt.int(replay.messages),
        replay.seconds.toFixed(1),
        fmt.int(edits / replay.seconds),
        replay.serverCpuSeconds.toFixed(1),
        fmt.int(keystrokesPerCoreSecond),
        fmt.kb(storedBytes(viaServer.id)),
        fmt.int(rowsOf(viaServer.id)),
      ],
      [
        "Room + NotesStore in-process, 1 update per keystroke",
        fmt.int(edits),
        fmt.int(edits),
        ingestSeconds.toFixed(1),
        fmt.int(edits / ingestSeconds),
        "",
        "",
        fmt.kb(storedBytes(inProcess.id)),
        fmt.int(rowsOf(inProcess.id)),
      ],
    ],
  );
  const docTable = markdownTable(
    [
      "final text (chars):",
      "inserts:",
      "deletes:",
      "stored (KB):",
      "load, Room constructor (ms, median of 5):",
      "memory per loaded document (MB):",
    ],
    [
      [
        fmt.int(trace.finalLength),
        fmt.int(trace.inserts),
        fmt.int(trace.deletes),
        fmt.kb(storedBytes(viaServer.id)),
        fmt.ms(loadTimes[2]!),
        (perDocument / 2 ** 20).toFixed(2),
      ],
    ],
  );
  const goals = [
    judgeGoal(ctx.quick, {
      scenario: "4 editing trace",
      goal: "memory per document <= 5 MB",
      measured: `${(perDocument / 2 ** 20).toFixed(2)} MB`,
      ok: perDocument <= GOAL_MEMORY_BYTES,
      reason: `V8 heap + external growth per loaded Room (5 copies, after GC), ${fmt.int(trace.finalLength)}-character document`,
    }),
    {
      scenario: "4 editing trace",
      goal: "throughput, stored size, load time (no target set)",
      measured:
        `${fmt.int(edits / replay.seconds)} keystrokes/s paced (${fmt.int(keystrokesPerCoreSecond)} per server CPU-second), ` +
        `${fmt.int(edits / ingestSeconds)}/s in-process; ${fmt.kb(storedBytes(viaServer.id))} KB stored; load ${fmt.ms(loadTimes[2]!)} ms`,
      result: ctx.quick ? ("n/a" as const) : ("reported" as const),
      reason: `wall-clock rate through the server is set by the ${MESSAGES_PER_SECOND} msg/s pacing under the 200 msg/s per-connection limit`,
    },
  ];
  const markdown = [
    `### 4. Editing trace (${fmt.int(edits)} single-character edits, B4-shaped${ctx.quick ? ", quick" : ""})`,
    "",
    table,
    "",
    docTable,
    "",
    `The real-server replay batches ${KEYS_PER_MESSAGE} keystrokes per message because the server allows 200 messages/s per ` +
      'connection; "keystrokes per server CPU-second" is what one core of the server can absorb. Trace: seeded generator ' +
      "with B4's size and delete share (typing bursts, backspace runs, cursor jumps), not the original file.",
    "",
    goalsTable(goals),
  ].join("\n");
  return { markdown, goals };
}
