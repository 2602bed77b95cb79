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

/** One message for the readers: encoded and framed (`binaryFrame`) once, written to every reader. */
export interface EncodedBroadcast {
  message: Uint8Array;
  frame: Buffer;
}

/**
 * Delivers a room's broadcasts to its read-only connections (public readers,
 * viewers), which only listen, coalescing them when the fan-out is costly.
 * Editors get every broadcast at once (their carets and saves depend on it);
 * readers get one fan-out holding every document update since the previous
 * one, merged, and one presence message with the latest state of every
 * client whose presence changed meanwhile (a caret that moved ten times is
 * sent once, where it is now). After each fan-out the next waits for a pause
 * that grows with what the last one cost (writing one frame to N sockets is
 * N writes), so at a calm pace or with few readers nothing waits and every
 * change goes out as it comes, while 1,000 readers of 250 edits/s (and as
 * many caret moves) get ~60 fan-outs/s each instead of 500. Every update
 * reaches every reader exactly once; what waits is held once per room (at
 * most `maxDelayMs` of edits and a set of client ids), never per reader, and
 * each write still goes through the room's backpressure bound.
 */
export class ReaderFanout {
  private pending: Uint8Array[] = [];
  private pendingPresence = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() before which the next fan-out waits. */
  private quietUntil = 0;

  /**
   * @param deliver writes one message (and the same bytes framed) to every read-only connection.
   * @param encode turns a document update (merged or not) into a sync-update message.
   * @param encodePresence the awareness message with the current state of these clients (null: none left to send).
   */
  constructor(
    private readonly deliver: (message: Uint8Array, frame: Buffer) => void,
    private readonly encode: (update: Uint8Array) => EncodedBroadcast,
    private readonly options: ReaderFanoutOptions = DEFAULT_READER_FANOUT,
    private readonly encodePresence: (clientIds: number[]) => EncodedBroadcast | null = () => null,
  ) {}

  /**
   * One document update for the readers. `encoded`: the same update already encoded for the editors,
   * reused when it goes out on its own now.
   */
  push(update: Uint8Array, encoded?: EncodedBroadcast): void {
    if (this.timer) this.pending.push(update);
    else if (this.quiet()) this.send([encoded ?? this.encode(update)]);
    else {
      this.pending.push(update);
      this.arm();
    }
  }

  /** These clients' presence changed. `encoded`: the editors' message for exactly this change, reused when it goes out now. */
  pushPresence(clientIds: readonly number[], encoded?: EncodedBroadcast): void {
    if (!this.timer && this.quiet()) {
      const message = encoded ?? this.encodePresence([...clientIds]);
      if (message) this.send([message]);
      return;
    }
    for (const id of clientIds) this.pendingPresence.add(id);
    if (!this.timer) this.arm();
  }

  /** Sends what waits now (e.g. before the room goes away). */
  readonly flush = (): void => {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const messages: EncodedBroadcast[] = [];
    const queued = this.pending;
    if (queued.length > 0) messages.push(this.encode(queued.length === 1 ? queued[0]! : Y.mergeUpdates(queued)));
    // After the document: a caret may point into text that the update above brings.
    const presence = this.pendingPresence.size > 0 ? this.encodePresence([...this.pendingPresence]) : null;
    if (presence) messages.push(presence);
    this.pending = [];
    this.pendingPresence = new Set();
    if (messages.length > 0) this.send(messages);
  };

  /** Drops what waits: the room is discarded (its connections are closed, nothing more is sent). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    this.pendingPresence = new Set();
  }

  private quiet(): boolean {
    return this.quietUntil <= performance.now() && this.pending.length === 0 && this.pendingPresence.size === 0;
  }

  private arm(): void {
    this.timer = setTimeout(this.flush, Math.max(0, this.quietUntil - performance.now()));
  }

  private send(messages: readonly EncodedBroadcast[]): void {
    const start = performance.now();
    for (const m of messages) this.deliver(m.message, m.frame);
    const end = performance.now();
    const { minDelayMs, maxDelayMs, busyFactor } = this.options;
    this.quietUntil = end + Math.max(minDelayMs, Math.min(maxDelayMs, (end - start) * busyFactor));
  }
}
