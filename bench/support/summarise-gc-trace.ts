export interface GcSummary {
  collections: number;
  /** Of which full (mark-compact) collections. */
  full: number;
  totalPauseMs: number;
  longestPauseMs: number;
  /** Pauses of 10 ms or more: long enough to show in a latency tail. */
  pausesOver10Ms: number;
  /** The trace line of the longest pause (heap sizes before and after, the reason). */
  longestLine: string;
}

/**
 * Sums the garbage-collector pauses `node --trace-gc` printed (lines like
 * `... 23456 ms: Scavenge 45.2 (52.1) -> 44.9 (53.1) MB, 1.23 / 0.00 ms ...`;
 * the pause is the first figure after "MB,"), e.g. from a bench server run with
 * TALKNOTES_BENCH_TRACE_GC=1. Null when the output holds no such line.
 */
export function summariseGcTrace(output: string): GcSummary | null {
  const summary: GcSummary = {
    collections: 0,
    full: 0,
    totalPauseMs: 0,
    longestPauseMs: 0,
    pausesOver10Ms: 0,
    longestLine: "",
  };
  for (const m of output.matchAll(
    / ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^\n]*?MB, ([\d.]+) \/[^\n]*/g,
  )) {
    const pause = Number(m[2]);
    summary.collections++;
    if (m[1] !== "Scavenge" && m[1] !== "Minor Mark-Sweep") summary.full++;
    summary.totalPauseMs += pause;
    if (pause > summary.longestPauseMs) {
      summary.longestPauseMs = pause;
      summary.longestLine = m[0].trim();
    }
    if (pause >= 10) summary.pausesOver10Ms++;
  }
  return summary.collections > 0 ? summary : null;
}
