/**
 * Scenario 7, cold start (recorded, no target): from spawning the
 * server (what `npm start` runs: `NODE_ENV=production tsx server/index.ts`)
 * to `/api/health` answering, then the first load of an editor page on that
 * fresh process (Next loads the route's code on first use) and, for contrast,
 * the second load. `npm` itself adds its own start-up on top (not measured here).
 */
import type { BenchContext } from "./support/bench-context";
import { startBenchServer } from "./support/bench-server";
import { fmt } from "./support/format";
import { markdownTable } from "./support/markdown-table";
import type { ScenarioResult } from "./support/scenario-result";
import { sessionCookie } from "../tests/support/auth-seed";
import { BENCH_ACCOUNT, seedSessions } from "./support/seed-sessions";

async function timedGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; ttfbMs: number; totalMs: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const ttfbMs = performance.now() - t0;
  const body = await res.arrayBuffer();
  return { status: res.status, ttfbMs, totalMs: performance.now() - t0, bytes: body.byteLength };
}

export async function runColdStartBench(ctx: BenchContext): Promise<ScenarioResult> {
  const starts = ctx.quick ? 1 : 3;
  const seed = await seedSessions("Cold Start Bench", ["First Editor Page"]);
  const editorPath = `/conferences/${seed.conferenceSlug}/sessions/${seed.sessions[0]!.slug}`;
  const auth = { cookie: await sessionCookie(BENCH_ACCOUNT.email, BENCH_ACCOUNT.password) };
  const rows: Array<Array<string | number>> = [];
  const healthTimes: number[] = [];
  for (let i = 0; i < starts; i++) {
    const t0 = performance.now();
    // A fresh process every time (never the quick run's shared one): start-up is what is measured.
    const server = await startBenchServer(ctx.databaseUrl);
    try {
      const healthMs = performance.now() - t0;
      healthTimes.push(healthMs);
      const first = await timedGet(server.url + editorPath, auth);
      const second = await timedGet(server.url + editorPath, auth);
      ctx.log(
        `cold-start: run ${i + 1}: health after ${fmt.ms(healthMs)} ms, first editor page ${fmt.ms(first.totalMs)} ms`,
      );
      rows.push([
        i + 1,
        fmt.ms(healthMs),
        first.status,
        fmt.ms(first.ttfbMs),
        fmt.ms(first.totalMs),
        fmt.ms(second.ttfbMs),
        fmt.ms(second.totalMs),
        fmt.kb(first.bytes),
      ]);
    } finally {
      await server.stop();
    }
  }
  const median = [...healthTimes].sort((a, b) => a - b)[Math.floor(healthTimes.length / 2)]!;
  const markdown = [
    `### 7. Cold start (${starts} fresh server process${starts > 1 ? "es" : ""}${ctx.quick ? ", quick" : ""})`,
    "",
    markdownTable(
      [
        "run:",
        "spawn to /api/health (ms):",
        "editor page status:",
        "first editor page TTFB (ms):",
        "first editor page, whole HTML (ms):",
        "second load TTFB (ms):",
        "second load, whole HTML (ms):",
        "HTML (KB):",
      ],
      rows,
    ),
    "",
    "Spawn to health: `node --import tsx server/index.ts` in production mode (what `npm start` runs) until its " +
      "listening line and a 200 from `/api/health`: migrations, the collab server and Next's `prepare()`.",
  ].join("\n");
  return {
    markdown,
    goals: [
      {
        scenario: "7 cold start",
        goal: "spawn to /api/health, first editor page (no target set)",
        measured: `${fmt.ms(median)} ms to health (median of ${starts}); first editor page ${rows.map((r) => r[4]).join(" / ")} ms`,
        result: ctx.quick ? "n/a" : "reported",
        reason: "recorded, no target; the machine's load moves it (see the load average in the header)",
      },
    ],
  };
}
