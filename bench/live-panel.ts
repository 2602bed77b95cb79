/**
 * Scenario 1, one live panel: E editors typing at R edits/s each plus N
 * read-only readers in one room, against the real Talknotes server and, in the
 * same run, against a bare @y/websocket-server with the same load.
 *
 * Editors are real y-websocket clients (WebsocketProvider + ws); readers are
 * raw sync-protocol clients without a Y.Doc (support/raw-sync-client.ts), so a
 * thousand of them stay cheap for the load generator. Every edit appends
 * `[e<editor>#<seq>@<µs>]` to the editor's own paragraph; every receiver finds
 * the markers in the update bytes and records arrival minus send time on the
 * one monotonic clock. Dropped = deliveries expected (every edit to every
 * other connection) minus distinct deliveries seen before the drain deadline.
 */
import * as Y from "yjs";
import { connectClient, synced, waitFor, type TestClient } from "../tests/support/yclient";
import type { BenchContext } from "./support/bench-context";
import { startBenchServer } from "./support/bench-server";
import { fmt } from "./support/format";
import { goalsTable } from "./support/goals-table";
import { judgeGoal } from "./support/judge-goal";
import { LatencyHistogram } from "./support/latency-histogram";
import { markdownTable } from "./support/markdown-table";
import { measureWindow, type WindowMeasure } from "./support/measure-window";
import { nowMicros } from "./support/now-micros";
import { connectRawSyncClient, type RawSyncClient } from "./support/raw-sync-client";
import { scanEditMarkers } from "./support/scan-edit-markers";
import type { ScenarioResult } from "./support/scenario-result";
import { seedSessions } from "./support/seed-sessions";
import { sleep } from "./support/sleep";
import { typeAtRate } from "./support/type-at-rate";
import { startBareServer } from "./support/start-bare-server";

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
}

const FULL: PanelLoad = { editors: 50, readers: 1000, editsPerSecond: 5, seconds: 20, warmupSeconds: 2, drainMs: 10_000 };
const QUICK: PanelLoad = { editors: 5, readers: 50, editsPerSecond: 5, seconds: 3, warmupSeconds: 1, drainMs: 3_000 };

const GOAL_P99_MS = 50;
const GOAL_OVERHEAD = 1.3;

/** Runs the live-panel load against the real server, then against the bare @y/websocket-server. */
export async function runLivePanelBench(ctx: BenchContext): Promise<ScenarioResult> {
  const load = ctx.quick ? QUICK : FULL;
  const { sessions } = await seedSessions("Live Panel Bench", ["The Live Panel"]);
  const sessionId = sessions[0]!.id;

  ctx.log(`live-panel: Talknotes server, ${load.editors} editors + ${load.readers} readers for ${load.seconds} s`);
  const server = await startBenchServer(ctx.databaseUrl);
  let talknotes: PanelRun;
  try {
    talknotes = await runPanel("Talknotes (server/index.ts)", server.wsUrl, sessionId, server.pid, load, ctx);
  } finally {
    await server.stop();
  }

  ctx.log("live-panel: bare @y/websocket-server, same load");
  const bare = await startBareServer();
  let baseline: PanelRun;
  try {
    baseline = await runPanel("bare @y/websocket-server", bare.wsUrl, "live-panel", bare.pid, load, ctx);
  } finally {
    await bare.stop();
  }

  const runs = [talknotes, baseline];
  const table = markdownTable(
    [
      "server",
      "editors x edits/s",
      "readers:",
      "edits sent:",
      "deliveries expected:",
      "dropped:",
      "p50 (ms):",
      "p95 (ms):",
      "p99 (ms):",
      "max (ms):",
      "server CPU (cores):",
      "server RSS (MB):",
      "generator CPU (cores):",
      "generator loop delay p99 (ms):",
      "machine CPU busy:",
    ],
    runs.map((r) => [
      r.server,
      `${r.load.editors} x ${r.load.editsPerSecond}`,
      r.load.readers,
      fmt.int(r.editsSent),
      fmt.int(r.expected),
      fmt.int(r.expected - r.delivered),
      fmt.ms(r.latency.percentile(50)),
      fmt.ms(r.latency.percentile(95)),
      fmt.ms(r.latency.percentile(99)),
      fmt.ms(r.latency.max),
      r.window.serverCores.toFixed(2),
      fmt.mb(r.window.serverRssBytes),
      r.window.generatorCores.toFixed(2),
      fmt.ms(r.window.generatorLoopDelayP99Ms),
      fmt.pct(r.window.machineBusy),
    ]),
  );

  const p99 = talknotes.latency.percentile(99);
  const dropped = talknotes.expected - talknotes.delivered;
  const latencyRatio = p99 / Math.max(0.01, baseline.latency.percentile(99));
  const cpuRatio = talknotes.window.serverCores / Math.max(0.001, baseline.window.serverCores);
  const pressure = `load generator ${talknotes.window.generatorCores.toFixed(2)} cores, machine ${fmt.pct(talknotes.window.machineBusy)} busy`;
  const goals = [
    judgeGoal(ctx.quick, {
      scenario: "1 live panel",
      goal: `edit-to-delivery p99 <= ${GOAL_P99_MS} ms`,
      measured: `${fmt.ms(p99)} ms (p50 ${fmt.ms(talknotes.latency.percentile(50))}, p95 ${fmt.ms(talknotes.latency.percentile(95))})`,
      ok: p99 <= GOAL_P99_MS,
      reason:
        p99 <= GOAL_P99_MS
          ? `${fmt.int(talknotes.latency.count)} timed deliveries; ${pressure}`
          : `tail set by CPU contention on ${pressure}; bare server p99 ${fmt.ms(baseline.latency.percentile(99))} ms under the same load`,
    }),
    judgeGoal(ctx.quick, {
      scenario: "1 live panel",
      goal: "0 dropped updates",
      measured: `${fmt.int(dropped)} of ${fmt.int(talknotes.expected)}`,
      ok: dropped === 0,
      reason: dropped === 0 ? "every edit reached every other connection" : `not delivered within ${load.drainMs / 1000} s after the last edit`,
    }),
    judgeGoal(ctx.quick, {
      scenario: "1 live panel",
      goal: `latency overhead <= ${GOAL_OVERHEAD}x bare server (p99)`,
      measured: fmt.x(latencyRatio),
      ok: latencyRatio <= GOAL_OVERHEAD,
      reason: `Talknotes p99 ${fmt.ms(p99)} ms vs bare ${fmt.ms(baseline.latency.percentile(99))} ms`,
    }),
    judgeGoal(ctx.quick, {
      scenario: "1 live panel",
      goal: `CPU overhead <= ${GOAL_OVERHEAD}x bare server`,
      measured: fmt.x(cpuRatio),
      ok: cpuRatio <= GOAL_OVERHEAD,
      reason:
        `Talknotes ${talknotes.window.serverCores.toFixed(2)} vs bare ${baseline.window.serverCores.toFixed(2)} cores; ` +
        "Talknotes also batches every update into SQLite and renders the readers' copy",
    }),
  ];

  const markdown = [
    `### 1. One live panel (${load.editors} editors at ${load.editsPerSecond} edits/s + ${load.readers} readers, ${load.seconds} s${ctx.quick ? ", quick" : ""})`,
    "",
    table,
    "",
    `Latency percentiles exclude the first ${load.warmupSeconds} s (warm-up); dropped counts every edit. ` +
      "Server CPU is read from /proc over the sending window; \"cores\" = CPU seconds per second.",
    "",
    goalsTable(goals),
  ].join("\n");
  return { markdown, goals };
}

async function runPanel(
  name: string,
  wsBase: string,
  room: string,
  serverPid: number,
  load: PanelLoad,
  ctx: BenchContext,
): Promise<PanelRun> {
  const perEditor = Math.round(load.editsPerSecond * load.seconds);
  const warmupSeqs = Math.round(load.editsPerSecond * load.warmupSeconds);
  const receivers = load.readers + load.editors;
  // One flag per (receiver, editor, seq): a repeated delivery is not counted twice.
  const seen = new Uint8Array(receivers * load.editors * perEditor);
  const latency = new LatencyHistogram();
  let delivered = 0;
  const receive = (receiver: number) => (bytes: Uint8Array) => {
    const now = nowMicros();
    scanEditMarkers(bytes, (editor, seq, sent) => {
      if (editor >= load.editors || seq >= perEditor) return;
      const key = (receiver * load.editors + editor) * perEditor + seq;
      if (seen[key]) return;
      seen[key] = 1;
      delivered++;
      if (seq >= warmupSeqs) latency.record((now - sent) / 1000);
    });
  };

  const readers: RawSyncClient[] = [];
  const editors: TestClient[] = [];
  const setup = connectClient(wsBase, room);
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
    for (let i = 0; i < load.readers; i += 50) {
      const batch = Array.from({ length: Math.min(50, load.readers - i) }, (_, j) =>
        connectRawSyncClient(url, receive(i + j)),
      );
      readers.push(...(await Promise.all(batch)));
    }
    ctx.log(`live-panel: ${readers.length} readers synced`);

    for (let i = 0; i < load.editors; i++) {
      const client = connectClient(wsBase, room);
      const onRemote = receive(load.readers + i);
      client.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === client.provider) onRemote(update);
      });
      editors.push(client);
    }
    await Promise.all(editors.map((e) => synced(e, 30_000)));
    await waitFor(
      () => editors.every((e) => e.doc.getXmlFragment("notes").length >= load.editors),
      20_000,
      "editors to see the panel structure",
    );
    setup.destroy();
    setupOpen = false;
    await sleep(1000);

    const texts = editors.map(
      (e, i) => (e.doc.getXmlFragment("notes").get(i) as Y.XmlElement).get(0) as Y.XmlText,
    );
    const window = measureWindow(serverPid);
    const editsSent = await typeAtRate(texts, load.editsPerSecond, load.seconds);
    const measured = window.end();
    const expected = editsSent * load.readers + editsSent * (load.editors - 1);
    const drainUntil = performance.now() + load.drainMs;
    while (delivered < expected && performance.now() < drainUntil) await sleep(50);
    ctx.log(`live-panel: ${name}: ${delivered}/${expected} delivered, p99 ${latency.percentile(99).toFixed(1)} ms`);
    return { server: name, load, editsSent, expected, delivered, latency, window: measured };
  } finally {
    for (const r of readers) r.close();
    for (const e of editors) e.destroy();
    if (setupOpen) setup.destroy();
  }
}
