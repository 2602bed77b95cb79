const LINEAR_BUCKETS = 100; // 0-1 ms in 10 µs steps
const GROWTH = 1.01; // above 1 ms, each bucket is 1% wider than the last
const LOG_GROWTH = Math.log(GROWTH);
const LOG_BUCKETS = Math.ceil(Math.log(3_600_000) / LOG_GROWTH); // up to an hour

function bucketOf(ms: number): number {
  if (ms < 1) return Math.max(0, Math.floor(ms * 100));
  return LINEAR_BUCKETS + Math.min(LOG_BUCKETS - 1, Math.floor(Math.log(ms) / LOG_GROWTH));
}

function upperEdge(bucket: number): number {
  if (bucket < LINEAR_BUCKETS) return (bucket + 1) / 100;
  return GROWTH ** (bucket - LINEAR_BUCKETS + 1);
}

/**
 * Latencies in buckets of 10 µs below 1 ms and 1% relative width above:
 * millions of deliveries cost a few KB and no sorting; percentiles are exact
 * to 10 µs or 1%, whichever is larger (`max` keeps the true worst).
 */
export class LatencyHistogram {
  private readonly buckets = new Float64Array(LINEAR_BUCKETS + LOG_BUCKETS);
  count = 0;
  max = 0;

  record(ms: number): void {
    this.buckets[bucketOf(ms)]! += 1;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The p-th percentile (0-100) in milliseconds, 0 when empty. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min(this.max, upperEdge(i));
    }
    return this.max;
  }
}
