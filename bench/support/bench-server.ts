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
  const server = await startServer({ databaseUrl });
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
