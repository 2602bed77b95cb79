import * as Y from "yjs";

export interface ReaderFanoutOptions {
  /**
   * Shortest pause between two fan-outs to the read-only connections (ms); 0: as soon as the previous
   * one's cost allows. A deployment may trade reader latency for CPU with it (`READER_BATCH_MIN_MS`).
   */
  minDelayMs: number;
  /** Longest pause, however long the previous fan-out took: what coalescing may add to a reader's latency. */
  maxDelayMs: number;
  /**
   * The pause after a fan-out is this many times what writing it took, so fanning out to readers uses at
   * most 1 / (1 + busyFactor) of the event loop however many readers and edits there are.
   */
  busyFactor: number;
}

export const DEFAULT_READER_FANOUT: ReaderFanoutOptions = { minDelayMs: 0, maxDelayMs: 20, busyFactor: 3 };

/**
 * Delivers a room's broadcasts to its read-only connections (public readers,
 * viewers), which only listen, coalescing them when the fan-out is costly.
 * Editors get every broadcast at once (their carets and saves depend on it);
 * readers get one frame per fan-out holding every update since the previous
 * one, merged. After each fan-out the next waits for a pause that grows with
 * what the last one cost (writing one frame to N sockets is N writes), so at
 * a calm pace or with few readers nothing waits and every update goes out
 * as it comes, while 1,000 readers of 250 edits/s get ~60 merged frames/s
 * each instead of 250. Every update reaches every reader exactly once; what
 * waits is held once per room (at most `maxDelayMs` of edits), never per
 * reader, and each write still goes through the room's backpressure bound.
 */
export class ReaderFanout {
  private pending: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() before which the next fan-out waits. */
  private quietUntil = 0;

  /**
   * @param deliver writes one sync-update message (and the same bytes framed, `binaryFrame`) to every
   *   read-only connection; encoding and framing are the caller's, done once per fan-out.
   * @param encode turns an update (merged or not) into that message and frame.
   */
  constructor(
    private readonly deliver: (message: Uint8Array, frame: Buffer) => void,
    private readonly encode: (update: Uint8Array) => { message: Uint8Array; frame: Buffer },
    private readonly options: ReaderFanoutOptions = DEFAULT_READER_FANOUT,
  ) {}

  /**
   * One broadcast for the readers. `encoded`: the same update already encoded for the editors,
   * reused when it goes out on its own now.
   */
  push(update: Uint8Array, encoded?: { message: Uint8Array; frame: Buffer }): void {
    if (this.timer) {
      this.pending.push(update);
      return;
    }
    const wait = this.quietUntil - performance.now();
    if (wait <= 0 && this.pending.length === 0) {
      this.send(encoded ?? this.encode(update));
      return;
    }
    this.pending.push(update);
    this.timer = setTimeout(this.flush, Math.max(0, wait));
  }

  /** Sends what waits now (e.g. before the room goes away). */
  readonly flush = (): void => {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const queued = this.pending;
    if (queued.length === 0) return;
    this.pending = [];
    this.send(this.encode(queued.length === 1 ? queued[0]! : Y.mergeUpdates(queued)));
  };

  /** Drops what waits: the room is discarded (its connections are closed, nothing more is sent). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  private send(encoded: { message: Uint8Array; frame: Buffer }): void {
    const start = performance.now();
    this.deliver(encoded.message, encoded.frame);
    const end = performance.now();
    const { minDelayMs, maxDelayMs, busyFactor } = this.options;
    this.quietUntil = end + Math.max(minDelayMs, Math.min(maxDelayMs, (end - start) * busyFactor));
  }
}
