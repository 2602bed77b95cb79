/**
 * Scenario 1, one live panel: E editors typing at R edits/s each plus N
 * read-only readers in one room, against the real Talknotes server and, in the
 * same run, against a bare @y/websocket-server with the same load.
 *
 * Readers are raw sync-protocol clients without a Y.Doc, editors lean ones
 * that keep a Y.Doc of the initial state and their own edits but do not apply
 * each other's (support/raw-sync-client.ts): the server receives and sends
 * the same bytes as for WebsocketProviders, and the load generator, on the
 * same two cores, spends its time timestamping deliveries rather than
 * applying 12,000 remote updates a second into fifty documents. Every edit appends
 * `[e<editor>#<seq>@<µs>]` to the editor's own paragraph; every receiver finds
 * the markers in the update bytes and records arrival minus send time on the
 * one monotonic clock. Dropped = deliveries expected (every edit to every
 * other connection) minus distinct deliveries seen before the drain deadline.
 */
import { availableParallelism } from "node:os";
import * as Y from "yjs";
import { synced } from "../tests/support/yclient";
import { connectEditor } from "./support/connect-editor";
import { EditMarkerCache } from "./support/edit-marker-cache";
import type { BenchContext } from "./support/bench-context";
import { fmt } from "./support/format";
import { goalsTable } from "./support/goals-table";
import { judgeGoal } from "./support/judge-goal";
import { LatencyHistogram } from "./support/latency-histogram";
import { markdownTable } from "./support/markdown-table";
import { measureWindow, type WindowMeasure } from "./support/measure-window";
import { nowMicros } from "./support/now-micros";
import { readProcessUsage } from "./support/process-usage";
import { connectRawSyncClient, type RawSyncClient } from "./support/raw-sync-client";
import type { GoalResult, ScenarioResult } from "./support/scenario-result";
import { seedSessions } from "./support/seed-sessions";
import { sleep } from "./support/sleep";
import { typeAtRate } from "./support/type-at-rate";
import { startBareServer } from "./support/start-bare-server";
import { summariseGcTrace } from "./support/summarise-gc-trace";

interface PanelLoad {
  editors: number;
  readers: number;
  editsPerSecond: number;
  seconds: number;
  /** Edits sent in the first seconds are delivered and counted, but not in the latency percentiles (JIT warm-up). */
  warmupSeconds: number;
  drainMs: number;
}

interface PanelRun {
  server: string;
  load: PanelLoad;
  editsSent: number;
  expected: number;
  delivered: number;
  latency: LatencyHistogram;
  window: WindowMeasure;
  /** Server CPU seconds from the first edit until every delivery was made (or the drain deadline). */
  cpuToDrainSeconds: number;
  /** The load generator's (this process's) CPU seconds over the same span. */
  generatorCpuToDrainSeconds: number;
  /** Update messages the generator's clients received over that span, and how many distinct ones it scanned. */
  messages: number;
  scanned: number;
}

/** 37,250 deliveries/s instead of 261,250: a load two shared cores can carry. */
const REDUCED_READERS = 100;

/** The issue's load first; then a lighter one this machine can carry, so latency and overhead are also seen unsaturated. */
const FULL: PanelLoad[] = [
  { editors: 50, readers: 1000, editsPerSecond: 5, seconds: 15, warmupSeconds: 2, drainMs: 10_000 },
  { editors: 50, readers: REDUCED_READERS, editsPerSecond: 5, seconds: 15, warmupSeconds: 2, drainMs: 10_000 },
];
const QUICK: PanelLoad[] = [
  { editors: 5, readers: 50, editsPerSecond: 5, seconds: 3, warmupSeconds: 1, drainMs: 3_000 },
];

const GOAL_P99_MS = 50;
const GOAL_OVERHEAD = 1.3;

/** Runs each load against the real server, then against the bare @y/websocket-server. */
export async function runLivePanelBench(ctx: BenchContext): Promise<ScenarioResult> {
  const loads = ctx.quick ? QUICK : FULL;
  // Live: the public may follow it read-only, which is how the readers connect (no token).
  const { sessions, token } = await seedSessions(
    "Live Panel Bench",
    loads.map((_, i) => `The Live Panel ${i + 1}`),
    "live",
  );
  const pairs: Array<{ talknotes: PanelRun; baseline: PanelRun }> = [];
  for (const [i, load] of loads.entries()) {
    ctx.log(`live-panel: Talknotes server, ${load.editors} editors + ${load.readers} readers for ${load.seconds} s`);
    const server = await ctx.startServer();
    let talknotes: PanelRun;
    try {
      talknotes = await runPanel(
        "Talknotes (server/index.ts)",
        server.wsUrl,
        sessions[i]!.id,
        token,
        server.pid,
        load,
        ctx,
        server.output,
      );
    } finally {
      await server.stop();
    }
    ctx.log("live-panel: bare @y/websocket-server, same load");
    const bare = await startBareServer();
    let baseline: PanelRun;
    try {
      baseline = await runPanel("bare @y/websocket-server", bare.wsUrl, `live-panel-${i}`, token, bare.pid, load, ctx);
    } finally {
      await bare.stop();
    }
    pairs.push({ talknotes, baseline });
  }

  const runs = pairs.flatMap((p) => [p.talknotes, p.baseline]);
  const table = markdownTable(
    [
      "server",
      "editors x edits/s",
      "readers:",
      "deliveries/s:",
      "edits sent:",
      "deliveries expected:",
      "undelivered after drain:",
      "p50 (ms):",
      "p95 (ms):",
      "p99 (ms):",
      "max (ms):",
      "server CPU (cores):",
      "server RSS (MB):",
      "server CPU, sending + drain (s):",
      "server CPU per delivery (µs):",
      "generator CPU (cores):",
      "generator CPU, sending + drain (s):",
      "generator CPU per delivery (µs):",
      "messages received (distinct scanned):",
      "generator loop delay p99 (ms):",
      "machine CPU busy:",
      "other processes (cores):",
    ],
    runs.map((r) => [
      r.server,
      `${r.load.editors} x ${r.load.editsPerSecond}`,
      r.load.readers,
      fmt.int(r.load.editors * r.load.editsPerSecond * (r.load.readers + r.load.editors - 1)),
      fmt.int(r.editsSent),
      fmt.int(r.expected),
      fmt.int(r.expected - r.delivered),
      fmt.ms(r.latency.percentile(50)),
      fmt.ms(r.latency.percentile(95)),
      fmt.ms(r.latency.percentile(99)),
      fmt.ms(r.latency.max),
      r.window.serverCores.toFixed(2),
      fmt.mb(r.window.serverRssBytes),
      r.cpuToDrainSeconds.toFixed(2),
      ((r.cpuToDrainSeconds / Math.max(1, r.delivered)) * 1e6).toFixed(2),
      r.window.generatorCores.toFixed(2),
      r.generatorCpuToDrainSeconds.toFixed(2),
      ((r.generatorCpuToDrainSeconds / Math.max(1, r.delivered)) * 1e6).toFixed(2),
      `${fmt.int(r.messages)} (${fmt.int(r.scanned)})`,
      fmt.ms(r.window.generatorLoopDelayP99Ms),
      fmt.pct(r.window.machineBusy),
      otherCores(r.window).toFixed(2),
    ]),
  );

  const goals = pairs.flatMap(({ talknotes, baseline }, i) =>
    judgePanel(ctx.quick, talknotes, baseline, i === 0 ? "" : ` (at ${talknotes.load.readers} readers)`),
  );
  const markdown = [
    `### 1. One live panel (${loads.map((l) => `${l.editors} editors at ${l.editsPerSecond} edits/s + ${l.readers} readers`).join("; then ")}, ${loads[0]!.seconds} s each${ctx.quick ? ", quick" : ""})`,
    "",
    table,
    "",
    `Latency percentiles exclude the first ${loads[0]!.warmupSeconds} s (warm-up). "Undelivered" counts every edit not seen by ` +
      `every other connection ${loads[0]!.drainMs / 1000} s after the last edit (late or lost: an overloaded server is still ` +
      'sending its backlog). Server CPU is read from /proc over the sending window; "cores" = CPU seconds per second. ' +
      '"Sending + drain" is the server\'s CPU from the first edit until the last delivery arrived: the work of the whole load ' +
      "even when the server fell behind and finished after the window (per delivery: the figure outside load moves least). " +
      "Readers are raw sync-protocol clients without a Y.Doc; editors are lean ones that apply the initial state and send their own edits but do not apply each other's (the server sees the same bytes as from WebsocketProviders), all in the bench process. " +
      '"Generator CPU, sending + drain" is the bench process\'s own CPU over the same span (per delivery: what the load generator ' +
      "costs, inside every latency it records); each distinct message is scanned for markers once (the readers get the same " +
      "merged frames), every reader's copy is still counted and timed on its own.",
    "",
    goalsTable(goals),
  ].join("\n");
  return { markdown, goals };
}

/** CPU used by everything but the measured server and the load generator: other people's work on a shared machine. */
function otherCores(w: WindowMeasure): number {
  return Math.max(0, w.machineBusy * availableParallelism() - w.serverCores - w.generatorCores);
}

function judgePanel(quick: boolean, talknotes: PanelRun, baseline: PanelRun, suffix: string): GoalResult[] {
  const p99 = talknotes.latency.percentile(99);
  const bareP99 = baseline.latency.percentile(99);
  const dropped = talknotes.expected - talknotes.delivered;
  const latencyRatio = p99 / Math.max(0.01, bareP99);
  const cpuPerDelivery = (r: PanelRun) => r.window.serverCores / Math.max(1, r.delivered);
  const cpuRatio = cpuPerDelivery(talknotes) / Math.max(1e-12, cpuPerDelivery(baseline));
  const pressure =
    `load generator ${talknotes.window.generatorCores.toFixed(2)} cores, other processes ${otherCores(talknotes.window).toFixed(2)} cores, ` +
    `machine ${fmt.pct(talknotes.window.machineBusy)} busy`;
  const scenario = "1 live panel";
  const saturated = dropped > 0 && baseline.expected > baseline.delivered;
  return [
    judgeGoal(quick, {
      scenario,
      goal: `edit-to-delivery p99 <= ${GOAL_P99_MS} ms${suffix}`,
      measured: `${fmt.ms(p99)} ms (p50 ${fmt.ms(talknotes.latency.percentile(50))}, p95 ${fmt.ms(talknotes.latency.percentile(95))})`,
      ok: p99 <= GOAL_P99_MS,
      reason:
        p99 <= GOAL_P99_MS
          ? `${fmt.int(talknotes.latency.count)} timed deliveries; ${pressure}`
          : `${pressure}; bare server p99 ${fmt.ms(bareP99)} ms under the same load`,
    }),
    judgeGoal(quick, {
      scenario,
      goal: `0 dropped updates${suffix}`,
      measured: `${fmt.int(dropped)} of ${fmt.int(talknotes.expected)} undelivered after ${talknotes.load.drainMs / 1000} s`,
      ok: dropped === 0,
      reason:
        dropped === 0
          ? "every edit reached every other connection"
          : "the server's send backlog outgrew the drain window (bare server: " +
            fmt.int(baseline.expected - baseline.delivered) +
            ")",
    }),
    judgeGoal(quick, {
      scenario,
      goal: `p99 latency <= ${GOAL_OVERHEAD}x bare server${suffix}`,
      measured: fmt.x(latencyRatio),
      ok: latencyRatio <= GOAL_OVERHEAD,
      reason:
        `Talknotes p99 ${fmt.ms(p99)} ms vs bare ${fmt.ms(bareP99)} ms` +
        (saturated ? "; both servers saturated, so this compares two backlogs more than two servers" : ""),
    }),
    judgeGoal(quick, {
      scenario,
      goal: `server CPU per delivery <= ${GOAL_OVERHEAD}x bare server${suffix}`,
      measured: fmt.x(cpuRatio),
      ok: cpuRatio <= GOAL_OVERHEAD,
      reason:
        `Talknotes ${talknotes.window.serverCores.toFixed(2)} cores for ${fmt.int(talknotes.delivered)} deliveries vs bare ` +
        `${baseline.window.serverCores.toFixed(2)} for ${fmt.int(baseline.delivered)}; Talknotes also stores every batch in SQLite and renders the readers' copy`,
    }),
  ];
}

async function runPanel(
  name: string,
  wsBase: string,
  room: string,
  token: string,
  serverPid: number,
  load: PanelLoad,
  ctx: BenchContext,
  /** The server's output so far (with TALKNOTES_BENCH_TRACE_GC=1 its GC trace), when it is known. */
  serverOutput?: () => string,
): Promise<PanelRun> {
  const perEditor = Math.round(load.editsPerSecond * load.seconds);
  const warmupSeqs = Math.round(load.editsPerSecond * load.warmupSeconds);
  const receivers = load.readers + load.editors;
  // One flag per (editor, seq, receiver): a repeated delivery is not counted twice. Receiver last, so the
  // thousand readers of one frame, handled one after another, set neighbouring bytes (4 MB, past the caches).
  const seen = new Uint8Array(receivers * load.editors * perEditor);
  const latency = new LatencyHistogram();
  // Readers receive the same merged frames: each distinct one is scanned once, every copy still counted per reader.
  const markerCache = new EditMarkerCache();
  let delivered = 0;
  /** `ownEditor`: the receiver's own edits, should the server send them back, are not deliveries. */
  const receive =
    (receiver: number, ownEditor = -1) =>
    (bytes: Uint8Array) => {
      const now = nowMicros();
      const markers = markerCache.markers(bytes);
      for (let i = 0; i < markers.length; i += 3) {
        const editor = markers[i]!;
        const seq = markers[i + 1]!;
        if (editor >= load.editors || seq >= perEditor || editor === ownEditor) continue;
        const key = (editor * perEditor + seq) * receivers + receiver;
        if (seen[key]) continue;
        seen[key] = 1;
        delivered++;
        if (seq >= warmupSeqs) latency.record((now - markers[i + 2]!) / 1000);
      }
    };

  const readers: RawSyncClient[] = [];
  const editors: RawSyncClient[] = [];
  const setup = connectEditor(wsBase, room, token);
  let setupOpen = true;
  try {
    // The structure editors type into: one paragraph per editor, as in a panel where each note-taker has a part.
    await synced(setup, 20_000);
    const fragment = setup.doc.getXmlFragment("notes");
    const paragraphs = Array.from({ length: load.editors }, () => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText()]);
      return p;
    });
    fragment.insert(fragment.length, paragraphs);

    const url = `${wsBase}/${room}`;
    const editorUrl = `${url}?token=${encodeURIComponent(token)}`;
    for (let i = 0; i < load.readers; i += 50) {
      const batch = Array.from({ length: Math.min(50, load.readers - i) }, (_, j) =>
        connectRawSyncClient(url, receive(i + j)),
      );
      readers.push(...(await Promise.all(batch)));
    }
    ctx.log(`live-panel: ${readers.length} readers synced`);

    // Lean editors (see connectRawSyncClient): each types into its own paragraph of the structure above.
    const structureBy = performance.now() + 20_000;
    const connectLeanEditor = async (i: number): Promise<Y.Doc> => {
      // The setup client's paragraphs reach the server asynchronously: connect again until they are there.
      for (;;) {
        const doc = new Y.Doc();
        const client = await connectRawSyncClient(editorUrl, receive(load.readers + i, i), { doc, timeoutMs: 30_000 });
        if (doc.getXmlFragment("notes").length >= load.editors) {
          editors.push(client);
          return doc;
        }
        client.close();
        if (performance.now() > structureBy) throw new Error("live-panel: editors never saw the panel structure");
        await sleep(100);
      }
    };
    const docs = await Promise.all(Array.from({ length: load.editors }, (_, i) => connectLeanEditor(i)));
    setup.destroy();
    setupOpen = false;
    await sleep(1000);

    const texts = docs.map((doc, i) => (doc.getXmlFragment("notes").get(i) as Y.XmlElement).get(0) as Y.XmlText);
    const window = measureWindow(serverPid);
    const cpuAtStart = readProcessUsage(serverPid).cpuSeconds;
    const generatorAtStart = process.cpuUsage();
    const outputAtStart = serverOutput?.().length ?? 0;
    const scansAtStart = { scanned: markerCache.scanned, reused: markerCache.reused };
    const editsSent = await typeAtRate(texts, load.editsPerSecond, load.seconds);
    const measured = window.end();
    const expected = editsSent * load.readers + editsSent * (load.editors - 1);
    const drainUntil = performance.now() + load.drainMs;
    while (delivered < expected && performance.now() < drainUntil) await sleep(50);
    const cpuToDrainSeconds = readProcessUsage(serverPid).cpuSeconds - cpuAtStart;
    const generatorCpu = process.cpuUsage(generatorAtStart);
    const gc = serverOutput ? summariseGcTrace(serverOutput().slice(outputAtStart)) : null;
    if (gc)
      ctx.log(
        `live-panel: ${name}: server GC from the first edit to the last delivery: ${gc.collections} collections ` +
          `(${gc.full} full), ${gc.totalPauseMs.toFixed(0)} ms paused, longest ${gc.longestPauseMs.toFixed(1)} ms, ` +
          `${gc.pausesOver10Ms} of 10 ms or more (longest: ${gc.longestLine})`,
      );
    const generatorCpuToDrainSeconds = (generatorCpu.user + generatorCpu.system) / 1e6;
    const scanned = markerCache.scanned - scansAtStart.scanned;
    const messages = scanned + markerCache.reused - scansAtStart.reused;
    ctx.log(
      `live-panel: ${name}: ${delivered}/${expected} delivered, p99 ${latency.percentile(99).toFixed(1)} ms; ` +
        `${fmt.int(messages)} messages received, ${fmt.int(scanned)} distinct ones scanned`,
    );
    return {
      server: name,
      load,
      editsSent,
      expected,
      delivered,
      latency,
      window: measured,
      cpuToDrainSeconds,
      generatorCpuToDrainSeconds,
      messages,
      scanned,
    };
  } finally {
    for (const r of readers) r.close();
    for (const e of editors) e.close();
    if (setupOpen) setup.destroy();
  }
}
