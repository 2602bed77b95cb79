import fs from "node:fs";

/** Cumulative CPU jiffies of the whole machine (all cores), from /proc/stat. */
export interface SystemCpu {
  busy: number;
  total: number;
}

/** Reads the machine-wide CPU counters; compare two readings with `busyShare`. */
export function readSystemCpu(): SystemCpu {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
