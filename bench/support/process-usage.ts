import fs from "node:fs";

/** CPU time and resident memory of one process, read from /proc (Linux). */
export interface ProcessUsage {
  /** User + system CPU seconds since the process started. */
  cpuSeconds: number;
  rssBytes: number;
  /** When it was read (ms, monotonic). */
  at: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux build

/** Reads another process's CPU time and RSS from /proc/<pid>. */
export function readProcessUsage(pid: number): ProcessUsage {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces: split after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: (utime + stime) / TICKS_PER_SECOND, rssBytes: rssKb * 1024, at: performance.now() };
}
