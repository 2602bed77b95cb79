/**
 * Scenario 2, a busy conference: S sessions with 3 editors each (real
 * y-websocket clients), all connected to one fresh server, typing at a steady
 * rate. Reports the server's memory (RSS from /proc) per session and per
 * connection, idle and after editing, and its CPU per session while editing.
 */
import * as Y from "yjs";
import { synced, type TestClient } from "../tests/support/yclient";
import { connectEditor } from "./support/connect-editor";
import type { BenchContext } from "./support/bench-context";
import { DEFAULT_ROOM_OPTIONS, Room } from "../server/collab/room";
import { NotesStore } from "../server/collab/notes-store";
import { fmt } from "./support/format";
import { heapPerCopy } from "./support/heap-per-copy";
import { goalsTable } from "./support/goals-table";
import { LatencyHistogram } from "./support/latency-histogram";
import { markdownTable } from "./support/markdown-table";
import { measureWindow } from "./support/measure-window";
import { nowMicros } from "./support/now-micros";
import { scanEditMarkers } from "./support/scan-edit-markers";
import type { ScenarioResult } from "./support/scenario-result";
import { seedSessions } from "./support/seed-sessions";
import { sleep } from "./support/sleep";
import { typeAtRate } from "./support/type-at-rate";

const FULL = { sessions: 200, editorsPerSession: 3, editsPerSecond: 2, seconds: 15 };
const QUICK = { sessions: 10, editorsPerSession: 3, editsPerSecond: 2, seconds: 3 };

/** Connects every editor of every session, measures memory idle, then CPU and memory while they all type. */
export async function runBusyConferenceBench(ctx: BenchContext): Promise<ScenarioResult> {
  const load = ctx.quick ? QUICK : FULL;
  const titles = Array.from({ length: load.sessions + 1 }, (_, i) => `Busy session ${String(i).padStart(3, "0")}`);
  const seeded = await seedSessions("Busy Conference Bench", titles);
  // Session 0 only warms the server up (first page render, first room) before the idle baseline.
  const warmup = seeded.sessions[0]!;
  const sessions = seeded.sessions.slice(1);
  const connections = load.sessions * load.editorsPerSession;

  const server = await ctx.startServer();
  const editors: Array<{ client: TestClient; session: number; slot: number }> = [];
  try {
    await fetch(server.url + "/");
    const warm = connectEditor(server.wsUrl, warmup.id, seeded.token);
    await synced(warm, 30_000);
    warm.destroy();
    await sleep(ctx.quick ? 300 : 3000);
    const idleServer = server.usage();
    ctx.log(`busy-conference: connecting ${connections} editors in ${load.sessions} sessions`);

    const latency = new LatencyHistogram();
    let delivered = 0;
    for (let s = 0; s < load.sessions; s++) {
      for (let slot = 0; slot < load.editorsPerSession; slot++) {
        const client = connectEditor(server.wsUrl, sessions[s]!.id, seeded.token);
        client.doc.on("update", (update: Uint8Array, origin: unknown) => {
          if (origin !== client.provider) return;
          const now = nowMicros();
          delivered += scanEditMarkers(update, (_e, _q, sent) => latency.record((now - sent) / 1000));
        });
        editors.push({ client, session: s, slot });
      }
      if ((s + 1) % 20 === 0)
        await Promise.all(editors.slice(-20 * load.editorsPerSession).map((e) => synced(e.client, 30_000)));
    }
    await Promise.all(editors.map((e) => synced(e.client, 30_000)));
    // Each session's first editor lays out one paragraph per editor, as in scenario 1.
    for (const e of editors) {
      if (e.slot !== 0) continue;
      const paragraphs = Array.from({ length: load.editorsPerSession }, () => {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText()]);
        return p;
      });
      e.client.doc.getXmlFragment("notes").insert(0, paragraphs);
    }
    await sleep(ctx.quick ? 500 : 3000);
    const connectedServer = server.usage();
    ctx.log("busy-conference: all connected; typing");

    const texts = editors.map((e) => {
      const fragment = e.client.doc.getXmlFragment("notes");
      const p = fragment.get(e.slot);
      if (!(p instanceof Y.XmlElement))
        throw new Error("busy-conference: session structure did not reach every editor");
      return p.get(0) as Y.XmlText;
    });
    const window = measureWindow(server.pid);
    const sent = await typeAtRate(texts, load.editsPerSecond, load.seconds);
    const measured = window.end();
    const expected = sent * (load.editorsPerSession - 1);
    const drainUntil = performance.now() + 5000;
    while (delivered < expected && performance.now() < drainUntil) await sleep(50);
    await sleep(ctx.quick ? 300 : 1500); // let the last batches and readers' copies be written
    const afterServer = server.usage();
    for (const e of editors.splice(0)) e.client.destroy();
    await server.stop();
    // RSS moves in V8 heap chunks and with GC timing; the room itself measured precisely, in this process:
    const store = new NotesStore(ctx.db);
    const loads = measureRoomLoads(
      store,
      warmup.id,
      sessions.map((s) => s.id),
    );
    const roomHeap = heapPerCopy(
      (i) => new Room(sessions[i]!.id, store, { ...DEFAULT_ROOM_OPTIONS }, () => undefined),
      sessions.length,
    );

    const perSession = (bytes: number) => fmt.kb(bytes / load.sessions);
    const perConnection = (bytes: number) => fmt.kb(bytes / connections);
    const connectedDelta = connectedServer.rssBytes - idleServer.rssBytes;
    const afterDelta = afterServer.rssBytes - idleServer.rssBytes;
    const memory = markdownTable(
      ["server state", "RSS (MB):", "over idle (MB):", "per session (KB):", "per connection (KB):"],
      [
        ["started, idle (Next.js + collab, no rooms)", fmt.mb(idleServer.rssBytes), "0.0", "", ""],
        [
          `${load.sessions} rooms, ${connections} connections, before typing`,
          fmt.mb(connectedServer.rssBytes),
          fmt.mb(connectedDelta),
          perSession(connectedDelta),
          perConnection(connectedDelta),
        ],
        [
          `after ${load.seconds} s of typing (${fmt.int(sent)} edits)`,
          fmt.mb(afterServer.rssBytes),
          fmt.mb(afterDelta),
          perSession(afterDelta),
          perConnection(afterDelta),
        ],
        [
          `in-process: ${load.sessions} loaded rooms with this content (V8 heap + external, after GC)`,
          "",
          fmt.mb(roomHeap * load.sessions),
          fmt.kb(roomHeap),
          "",
        ],
      ],
    );
    const cpu = markdownTable(
      [
        "edits/s (all sessions):",
        "server CPU (cores):",
        "per session (% of a core):",
        "per connection (% of a core):",
        "CPU per edit (µs):",
        "delivery p50 (ms):",
        "p99 (ms):",
        "dropped:",
        "generator CPU (cores):",
        "machine CPU busy:",
      ],
      [
        [
          fmt.int(sent / measured.seconds),
          measured.serverCores.toFixed(2),
          ((measured.serverCores / load.sessions) * 100).toFixed(2),
          ((measured.serverCores / connections) * 100).toFixed(3),
          fmt.int((measured.serverCpuSeconds / Math.max(1, sent)) * 1e6),
          fmt.ms(latency.percentile(50)),
          fmt.ms(latency.percentile(99)),
          fmt.int(expected - delivered),
          measured.generatorCores.toFixed(2),
          fmt.pct(measured.machineBusy),
        ],
      ],
    );
    const loadTable = markdownTable(
      [
        "room load (SQLite read + apply, in-process)",
        "loads:",
        "p50 (ms):",
        "p95 (ms):",
        "max (ms):",
        "document (KB):",
      ],
      [
        [
          `each of the ${load.sessions} sessions once`,
          loads.all.count,
          fmt.ms(loads.all.percentile(50)),
          fmt.ms(loads.all.percentile(95)),
          fmt.ms(loads.all.max),
          `${fmt.kb(loads.smallestBytes)}-${fmt.kb(loads.largestBytes)}`,
        ],
        [
          `the largest document, ${loads.largest.count} times`,
          loads.largest.count,
          fmt.ms(loads.largest.percentile(50)),
          fmt.ms(loads.largest.percentile(95)),
          fmt.ms(loads.largest.max),
          fmt.kb(loads.largestBytes),
        ],
      ],
    );
    const goals = [
      {
        scenario: "2 busy conference",
        goal: "report CPU and memory per session and per connection (no target set)",
        measured:
          `${fmt.kb(roomHeap)} KB heap per loaded room, RSS growth ${perSession(connectedDelta)} KB per session connected; ` +
          `${((measured.serverCores / load.sessions) * 100).toFixed(2)}% of a core per session typing`,
        result: ctx.quick ? ("n/a" as const) : ("reported" as const),
        reason:
          "RSS deltas are within the noise of V8 heap growth and GC timing; the in-process room heap is the precise per-session figure",
      },
      {
        scenario: "2 busy conference",
        goal: `room load of the largest document, p95 over ${load.sessions} sessions (recorded; no target)`,
        measured: `${fmt.ms(loads.largest.percentile(95))} ms (${fmt.kb(loads.largestBytes)} KB); all sessions p95 ${fmt.ms(loads.all.percentile(95))} ms`,
        result: ctx.quick ? ("n/a" as const) : ("reported" as const),
        reason:
          "A fresh Room from SQLite (snapshot + log), as when the first editor or reader of a session connects after it was unloaded",
      },
    ];
    const markdown = [
      `### 2. A busy conference (${load.sessions} sessions x ${load.editorsPerSession} editors, ${load.editsPerSecond} edits/s each, ${load.seconds} s${ctx.quick ? ", quick" : ""})`,
      "",
      memory,
      "",
      cpu,
      "",
      loadTable,
      "",
      "Memory is the server process's RSS from /proc (V8 heap + buffers + SQLite page cache); the idle baseline " +
        "already holds Next.js. CPU is /proc CPU time over the typing window. Room loads are timed in the bench " +
        "process on the run's database after the server stopped (what the server does when a session's first " +
        "connection arrives): each session once, then the largest document once per session.",
      "",
      goalsTable(goals),
    ].join("\n");
    return { markdown, goals };
  } finally {
    for (const e of editors) e.client.destroy();
    await server.stop();
  }
}

/**
 * Times `new Room` (read the snapshot and log from SQLite, apply them) for every session once, then
 * for the largest document once per session; the warm-up session loads first (JIT).
 */
function measureRoomLoads(store: NotesStore, warmupId: string, ids: string[]) {
  const loadOnce = (id: string) => {
    const start = performance.now();
    const room = new Room(id, store, { ...DEFAULT_ROOM_OPTIONS }, () => undefined);
    const ms = performance.now() - start;
    const bytes = room.sizeBytes;
    room.destroy();
    return { ms, bytes };
  };
  for (let i = 0; i < 20; i++) loadOnce(warmupId);
  const all = new LatencyHistogram();
  let largestId = ids[0]!;
  let largestBytes = 0;
  let smallestBytes = Infinity;
  for (const id of ids) {
    const { ms, bytes } = loadOnce(id);
    all.record(ms);
    if (bytes > largestBytes) [largestId, largestBytes] = [id, bytes];
    smallestBytes = Math.min(smallestBytes, bytes);
  }
  const largest = new LatencyHistogram();
  for (let i = 0; i < ids.length; i++) largest.record(loadOnce(largestId).ms);
  return { all, largest, largestBytes, smallestBytes };
}
