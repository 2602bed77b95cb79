import type { SystemCpu } from "./system-cpu";

/** Share (0-1) of all cores that were busy between two readSystemCpu() readings. */
export function busyShare(before: SystemCpu, after: SystemCpu): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}
