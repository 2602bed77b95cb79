import { type RunningServer, startServer } from "../../tests/support/server-process";
import { findChildPid } from "./find-child-pid";
import { type ProcessUsage, readProcessUsage } from "./process-usage";
import { startedProcesses } from "./started-processes";

export interface BenchServer extends RunningServer {
  pid: number;
  usage(): ProcessUsage;
}

/**
 * The real Talknotes server (tests/support/server-process: server/index.ts in
 * production mode, on a free loopback port) plus its pid, so scenarios can
 * read its CPU time and memory.
 */
export async function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  // TALKNOTES_BENCH_CPU_PROF=<dir>: every server the run starts writes a V8 CPU profile there when it
  // stops (summarise one with `npx tsx bench/cpu-profile-top.ts <file>`); the load generator is not profiled.
  const profileDir = process.env.TALKNOTES_BENCH_CPU_PROF;
  // TALKNOTES_BENCH_TRACE_GC=1: the server prints every garbage collection (`--trace-gc`); scenario 1 sums
  // the pauses of its sending window (bench/support/summarise-gc-trace.ts).
  const traceGc = process.env.TALKNOTES_BENCH_TRACE_GC === "1";
  const server = await startServer({
    databaseUrl,
    nodeArgs: [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      ...(traceGc ? ["--trace-gc"] : []),
    ],
  });
  const pid = findChildPid("server/index.ts");
  startedProcesses.add(pid);
  const stop = server.stop;
  const kill = server.kill;
  return Object.assign(server, {
    pid,
    usage: () => readProcessUsage(pid),
    stop: () => stop().finally(() => startedProcesses.remove(pid)),
    kill: () => kill().finally(() => startedProcesses.remove(pid)),
  });
}
