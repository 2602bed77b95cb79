import fs from "node:fs";

/**
 * The pid of this process's newest child whose command line contains
 * `match`. The server launcher in tests/support does not expose its child,
 * and CPU and memory must be read from the server process itself.
 */
export function findChildPid(match: string): number {
  let best: { pid: number; started: number } | null = null;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!cmdline.includes(match)) continue;
      const started = Number(fields[19]);
      if (!best || started > best.started) best = { pid: Number(entry), started };
    } catch {
      // the process ended while we looked
    }
  }
  if (!best) throw new Error(`no child process matching "${match}"`);
  return best.pid;
}
