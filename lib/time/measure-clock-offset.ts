import { estimateClockOffset, type ClockSample } from "./estimate-clock-offset";

/**
 * The server's clock offset (see estimateClockOffset) measured over `rounds`
 * sequential requests to `readServerTime` (which resolves to the server's
 * epoch ms), timed with `localNow`. Null when no request succeeded. Used by
 * the browser editor and by tests that play a client with a wrong clock.
 */
export async function measureClockOffset(
  readServerTime: () => Promise<number>,
  localNow: () => number,
  rounds = 3,
): Promise<number | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < rounds; i++) {
    const sentAt = localNow();
    try {
      const serverTime = await readServerTime();
      samples.push({ sentAt, serverTime, receivedAt: localNow() });
    } catch {
      // An unreachable server leaves the offset to the other rounds (or to what was known before).
    }
  }
  return estimateClockOffset(samples);
}
