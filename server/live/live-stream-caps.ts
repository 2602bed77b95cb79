import { readEnv } from "../env";

/** Why a stream was refused, and how long the reader should wait before trying again. */
export interface StreamRefusal {
  reason: "address" | "total";
  retryAfterSeconds: number;
}

/** Seconds a refused reader is told to wait (`Retry-After`): long enough to let a flood drain, short for a real reader. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Caps on open Server-Sent Events streams, per client address and in all.
 * Each stream holds a socket and a buffer for as long as the reader stays, so
 * without a cap one address could open them until the process runs out of file
 * descriptors or memory (700 from one address were accepted before). The
 * per-address cap is high because a whole venue may share one NAT address.
 */
export class LiveStreamCaps {
  private readonly byAddress = new Map<string, number>();
  private open = 0;

  constructor(private readonly limits: { perAddress: number; total: number }) {}

  /** Admits one more stream from `address`: a release function (call it once, when the stream ends), or the refusal. */
  admit(address: string): (() => void) | StreamRefusal {
    if (this.open >= this.limits.total) return { reason: "total", retryAfterSeconds: RETRY_AFTER_SECONDS };
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.limits.perAddress) return { reason: "address", retryAfterSeconds: RETRY_AFTER_SECONDS };
    this.byAddress.set(address, mine + 1);
    this.open++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open--;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    };
  }

  /** Streams open now (for tests). */
  get size(): number {
    return this.open;
  }
}

const holder = globalThis as unknown as { __talknotesLiveStreamCaps?: LiveStreamCaps };

/** The process-wide caps (`LIVE_STREAMS_PER_ADDRESS`, `LIVE_STREAMS_MAX`), shared by both module graphs through globalThis. */
export function getLiveStreamCaps(): LiveStreamCaps {
  return (holder.__talknotesLiveStreamCaps ??= new LiveStreamCaps(readEnv().liveStreams));
}
