/** One exchange with the server's clock: local send and receive times around the server's reading (all ms). */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

/**
 * How far the server's clock is ahead of this one (ms; negative: behind),
 * from round trips to it: the server read its clock, on average, half way
 * through the round trip, so offset = server + rtt/2 - received. The sample
 * with the shortest round trip is used (least queueing, least error: at most
 * half its round trip). Null without a usable sample.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (![s.sentAt, s.serverTime, s.receivedAt].every(Number.isFinite) || s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return null;
  return Math.round(best.serverTime + (best.receivedAt - best.sentAt) / 2 - best.receivedAt);
}
