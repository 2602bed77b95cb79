import * as Y from "yjs";
import type { NotesStorage } from "./notes-storage";

/** Stored batches after a declined compaction before the log tries again. */
const COMPACTION_RETRY_BATCHES = 10;

/** How a room's accepted updates reach the store (see `DurableUpdateLog`). */
export interface DurableUpdateLogOptions {
  /** Longest time an accepted update waits in memory before it is in the store. */
  flushDelayMs: number;
  /** Compact the update log into a snapshot after this many stored batches. */
  compactAfterUpdates: number;
}

/**
 * A room's persistence, kept out of the room as Hocuspocus keeps it out of
 * its Document: accepted updates are appended to the store's update log
 * within `flushDelayMs`, merged into one batch (never by writing the whole
 * state back); `whenStored` tells when an update is durable; the log is
 * folded into a snapshot every `compactAfterUpdates` batches so load time
 * does not grow with history. With an asynchronous store (PostgreSQL) at most
 * one append is in flight, so batches stay in order.
 */
export class DurableUpdateLog {
  private pending: Uint8Array[] = [];
  /** Updates received and stored so far (counts): `whenStored` waits until the second reaches the first. */
  private receivedSeq = 0;
  private storedSeq = 0;
  /** An asynchronous append is in flight (at most one per room, so batches stay in order). */
  private writing = false;
  /** Callbacks waiting until every update received before them is stored (see `whenStored`). */
  private storedWaiters: Array<{ seq: number; callback: () => void }> = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private updatesSinceSnapshot: number;
  private storedBytes: number;
  /** The room was unloaded or discarded: no more compaction, no more `onStored`. */
  private closed = false;

  /**
   * `snapshot`: the whole current document (what compaction stores). `onStored`: called after each
   * committed batch while the room is loaded (the room takes its automatic revisions there).
   */
  constructor(
    private readonly sessionId: string,
    private readonly store: NotesStorage,
    private readonly options: DurableUpdateLogOptions,
    stored: { updatesSinceSnapshot: number; storedBytes: number },
    private readonly snapshot: () => Uint8Array,
    private readonly onStored: () => void,
  ) {
    this.updatesSinceSnapshot = stored.updatesSinceSnapshot;
    this.storedBytes = stored.storedBytes;
  }

  /** Bytes of this document in the store plus what is waiting to be written. */
  get sizeBytes(): number {
    return this.storedBytes + this.pending.reduce((n, u) => n + u.byteLength, 0);
  }

  /** Queues an accepted update; it is written within `flushDelayMs`. */
  received(update: Uint8Array): void {
    this.pending.push(update);
    this.receivedSeq += 1;
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushDelayMs);
  }

  /**
   * Runs `callback` once everything received so far is stored: now when
   * nothing is waiting, else right after the next flush (at most `flushDelayMs`).
   */
  whenStored(callback: () => void): void {
    if (this.storedSeq === this.receivedSeq) callback();
    else this.storedWaiters.push({ seq: this.receivedSeq, callback });
  }

  /**
   * Writes pending updates now, as one merged batch: committed on return with
   * SQLite; with an asynchronous store the batch is in flight and what arrives
   * meanwhile waits for the next batch (one write per room at a time).
   */
  flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.pending.length === 0 || this.writing) return;
    const batch = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    const upTo = this.receivedSeq;
    this.pending = [];
    let result: void | Promise<void>;
    try {
      result = this.store.append(this.sessionId, batch);
    } catch (err) {
      return this.retryLater(batch, err);
    }
    if (!(result instanceof Promise)) return this.stored(batch, upTo);
    this.writing = true;
    result.then(
      () => {
        this.writing = false;
        this.stored(batch, upTo);
        // An unloaded room still writes what arrived during the write (nobody was told it is saved yet).
        if (this.pending.length > 0) {
          if (this.closed) this.flush();
          else this.flushTimer ??= setTimeout(() => this.flush(), 0);
        }
      },
      (err: unknown) => {
        this.writing = false;
        this.retryLater(batch, err);
      },
    );
  }

  /** Nothing is confirmed to anyone; the updates stay queued (first, in order) and the write is retried. */
  private retryLater(batch: Uint8Array, err: unknown): void {
    if (this.closed) {
      // Nobody was told these are saved, and every client that sent them still holds them.
      console.error(`[collab] storing updates of unloaded ${this.sessionId} failed; clients will send them again`, err);
      return;
    }
    console.error(`[collab] storing updates of ${this.sessionId} failed; retrying`, err);
    this.pending.unshift(batch);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), Math.max(this.options.flushDelayMs, 500));
  }

  /** Bookkeeping once a batch holding every update up to `upTo` is committed. */
  private stored(batch: Uint8Array, upTo: number): void {
    this.storedSeq = upTo;
    this.storedBytes += batch.byteLength;
    this.updatesSinceSnapshot += 1;
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates && !this.closed) this.compact();
    const ready = this.storedWaiters.filter((w) => w.seq <= upTo);
    this.storedWaiters = this.storedWaiters.filter((w) => w.seq > upTo);
    for (const waiter of ready) waiter.callback();
    if (this.closed) return;
    this.onStored();
  }

  /** Folds the update log into one snapshot so load time does not grow with history. */
  compact(): void {
    this.flush();
    const snapshot = this.snapshot();
    // An asynchronous store merges in whatever is stored but not in `snapshot` (a batch in flight,
    // other instances' updates) inside its own transaction, so nothing waits for it here.
    const compacted = this.store.compact(this.sessionId, snapshot);
    if (compacted instanceof Promise) {
      compacted.then(
        (done) => {
          // Declined (another instance compacts it, or an append was committing): try again a few batches on.
          if (done === false)
            this.updatesSinceSnapshot = Math.max(
              this.updatesSinceSnapshot,
              this.options.compactAfterUpdates - COMPACTION_RETRY_BATCHES,
            );
        },
        (err: unknown) => console.error(`[collab] compacting ${this.sessionId} failed`, err),
      );
    }
    this.updatesSinceSnapshot = 0;
    this.storedBytes = snapshot.byteLength;
  }

  /** The room unloads: a write in flight still stores what arrived during it, nothing else is started. */
  close(): void {
    this.closed = true;
  }

  /** Forgets what is pending without storing it (the document was re-created or deleted). */
  discard(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    this.storedWaiters = [];
    this.receivedSeq = this.storedSeq;
    this.closed = true;
  }
}
