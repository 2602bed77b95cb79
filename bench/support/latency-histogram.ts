const BUCKET_MS = 0.01;
const BUCKETS = 1_000_000; // 10 µs buckets up to 10 s; longer lands in the last one

/**
 * Latencies in 10 µs buckets: millions of deliveries cost 4 MB and no
 * sorting, and percentiles are exact to 10 µs (anything over 10 s counts as 10 s,
 * and `max` keeps the true worst).
 */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(BUCKETS);
  count = 0;
  max = 0;

  record(ms: number): void {
    const i = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.buckets[i]! += 1;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The p-th percentile (0-100) in milliseconds, 0 when empty. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min(this.max, (i + 1) * BUCKET_MS);
    }
    return this.max;
  }
}
