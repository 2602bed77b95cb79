/**
 * The benchmark harness (BENCHMARKS.md): `npm run bench` (full, < 10 minutes) or
 * `npm run bench -- --quick` (tiny counts, < 60 s: the CI smoke run that keeps
 * the harness working; it judges no goal).
 *
 *   npx tsx bench/run.ts [--quick] [--only name[,name]] [--out report.md]
 *
 * Prints the machine's description and one Markdown section per scenario to
 * stdout (progress goes to stderr), then every goal as met / missed / skipped.
 * Exits 0 when goals are missed (this is a measurement); non-zero only when the
 * harness itself broke (a scenario threw or overran its time bound).
 */
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "../server/db/migrate";
import { openSqlite } from "../server/db/open-sqlite";
import { tempDatabase } from "../tests/support/server-process";
import type { BenchContext } from "./support/bench-context";
import { type BenchServer, startBenchServer } from "./support/bench-server";
import { checkBuild } from "./support/check-build";
import { describeMachine } from "./support/describe-machine";
import { findChildPid } from "./support/find-child-pid";
import { goalsTable } from "./support/goals-table";
import type { GoalResult, ScenarioResult } from "./support/scenario-result";
import { startedProcesses } from "./support/started-processes";

interface Scenario {
  name: string;
  /** Starts the real server (needs `npm run build`). */
  needsServer: boolean;
  /** Upper bound of its run time; overrunning it is a harness failure. */
  limitSeconds: { quick: number; full: number };
  run(ctx: BenchContext): Promise<ScenarioResult>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "live-panel",
    needsServer: true,
    limitSeconds: { quick: 90, full: 240 },
    run: async (ctx) => (await import("./live-panel")).runLivePanelBench(ctx),
  },
  {
    name: "busy-conference",
    needsServer: true,
    limitSeconds: { quick: 40, full: 150 },
    run: async (ctx) => (await import("./busy-conference")).runBusyConferenceBench(ctx),
  },
  {
    name: "durability",
    needsServer: true,
    limitSeconds: { quick: 40, full: 150 },
    run: async (ctx) => (await import("./durability")).runDurabilityBench(ctx),
  },
  {
    name: "editing-trace",
    needsServer: true,
    limitSeconds: { quick: 40, full: 150 },
    run: async (ctx) => (await import("./editing-trace")).runEditingTraceBench(ctx),
  },
  {
    name: "public-page",
    needsServer: true,
    limitSeconds: { quick: 40, full: 60 },
    run: async (ctx) => (await import("./public-page")).runPublicPageBench(ctx),
  },
  {
    name: "live-readers",
    needsServer: true,
    limitSeconds: { quick: 40, full: 90 },
    run: async (ctx) => (await import("./live-readers")).runLiveReadersBench(ctx),
  },
  {
    name: "readers-copy",
    needsServer: false,
    limitSeconds: { quick: 40, full: 180 },
    run: async (ctx) => (await import("./readers-copy")).runReadersCopyBench(ctx),
  },
  {
    name: "cold-start",
    needsServer: true,
    limitSeconds: { quick: 40, full: 120 },
    run: async (ctx) => (await import("./cold-start")).runColdStartBench(ctx),
  },
  {
    name: "fanout",
    needsServer: false,
    limitSeconds: { quick: 40, full: 120 },
    run: async (ctx) => (await import("./fanout")).runFanoutBench(ctx),
  },
  {
    // Points this process's Prisma client at PostgreSQL while it runs, and gives the run's back after.
    name: "scaleout",
    needsServer: true,
    // Three instances to start, then the latency run and two throughput runs (1 and 3 instances).
    limitSeconds: { quick: 120, full: 300 },
    run: async (ctx) => (await import("./scaleout")).runScaleoutBench(ctx),
  },
  {
    name: "editor-typing",
    needsServer: true,
    limitSeconds: { quick: 90, full: 600 },
    run: async (ctx) => (await import("./editor-typing")).runEditorTypingBench(ctx),
  },
  {
    name: "photos",
    needsServer: true,
    limitSeconds: { quick: 60, full: 150 },
    run: async (ctx) => (await import("./photos")).runPhotosBench(ctx),
  },
  {
    name: "library",
    needsServer: false,
    limitSeconds: { quick: 40, full: 90 },
    run: async (ctx) => (await import("./library")).runLibraryBench(ctx),
  },
];

function parseArgs(argv: string[]): { quick: boolean; only: string[] | null; out: string | null } {
  const quick = argv.includes("--quick");
  const valueOf = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const only =
    valueOf("--only")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? null;
  for (const name of only ?? []) {
    if (!SCENARIOS.some((s) => s.name === name)) {
      throw new Error(`bench: unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(", ")}`);
    }
  }
  return { quick, only, out: valueOf("--out") };
}

function withTimeout<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} overran its bound of ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function killLeftoverServers(): void {
  startedProcesses.killAll();
  // A server whose start failed half-way is not tracked yet; it is still our child.
  for (let i = 0; i < 10; i++) {
    try {
      process.kill(findChildPid("server/index.ts"), "SIGKILL");
    } catch {
      return;
    }
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const root = path.resolve(import.meta.dirname, "..");
  const selected = SCENARIOS.filter((s) => !args.only || args.only.includes(s.name));
  if (selected.some((s) => s.needsServer)) checkBuild(root);
  // Hundreds of y-websocket providers each add a process "exit" listener.
  process.setMaxListeners(0);

  const started = performance.now();
  const out: string[] = [];
  const print = (text: string) => {
    out.push(text);
    console.log(text);
  };
  const log = (message: string) =>
    console.error(`[bench +${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);

  print(`## Talknotes benchmarks (${args.quick ? "quick smoke run: counts too small to judge goals" : "full run"})`);
  print("");
  print(await describeMachine());
  print("");

  const db = tempDatabase("talknotes-bench-");
  process.env.DATABASE_URL = db.url;
  const sqlite = openSqlite(db.file);
  applyMigrations(sqlite);
  let shared: BenchServer | null = null;
  const startServer = async (): Promise<BenchServer> => {
    if (!args.quick) return startBenchServer(db.url);
    shared ??= await startBenchServer(db.url);
    return { ...shared, stop: async () => undefined };
  };
  const ctx: BenchContext = {
    quick: args.quick,
    databaseUrl: db.url,
    databaseFile: db.file,
    db: sqlite,
    startServer,
    log,
  };

  const goals: GoalResult[] = [];
  let broken = 0;
  try {
    for (const scenario of selected) {
      const t = performance.now();
      log(`${scenario.name}: start`);
      try {
        const limit = args.quick ? scenario.limitSeconds.quick : scenario.limitSeconds.full;
        const result = await withTimeout(scenario.run(ctx), limit, scenario.name);
        print(result.markdown);
        goals.push(...result.goals);
      } catch (err) {
        broken++;
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        console.error(`[bench] ${scenario.name} FAILED:\n${message}`);
        print(
          `### ${scenario.name}: harness error\n\n\`\`\`\n${err instanceof Error ? err.message : String(err)}\n\`\`\``,
        );
        killLeftoverServers();
        shared = null;
      }
      print("");
      print(`_${scenario.name}: ${((performance.now() - t) / 1000).toFixed(0)} s_`);
      print("");
    }
  } finally {
    await (shared as BenchServer | null)?.stop();
    killLeftoverServers();
    sqlite.close();
    fs.rmSync(db.dir, { recursive: true, force: true });
  }

  print("### Goals");
  print("");
  print(goals.length > 0 ? goalsTable(goals, true) : "(no goals judged)");
  print("");
  print(
    `Total time: ${((performance.now() - started) / 1000).toFixed(0)} s.${broken ? ` ${broken} scenario(s) failed to run.` : ""}`,
  );
  if (args.out) fs.writeFileSync(args.out, out.join("\n") + "\n");
  return broken > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    killLeftoverServers();
    process.exit(2);
  },
);
