import os from "node:os";
import { busyShare } from "./busy-share";
import { markdownTable } from "./markdown-table";
import { readSystemCpu } from "./system-cpu";
import { sleep } from "./sleep";

/**
 * The machine the numbers came from: CPU model, cores, memory, Node, OS,
 * load average, and how busy the CPUs were in the second before the run
 * (other people's builds skew wall-clock results; say so up front).
 */
export async function describeMachine(): Promise<string> {
  const before = readSystemCpu();
  await sleep(1000);
  const busy = busyShare(before, readSystemCpu());
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  return markdownTable(
    ["", "value"],
    [
      ["date", new Date().toISOString()],
      ["CPU", `${cpus[0]?.model ?? "unknown"} (${os.availableParallelism()} cores available)`],
      ["memory", `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free`],
      ["OS", `${os.type()} ${os.release()} ${os.arch()}`],
      ["Node", process.version],
      ["load average at start (1, 5, 15 min)", load],
      ["CPU busy in the second before the run (all cores, everyone)", `${(busy * 100).toFixed(0)}%`],
    ],
  );
}
