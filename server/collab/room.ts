import type { WebSocket } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import { CloseCode } from "../../lib/collab/close-codes";
import type { RevisionKind, RevisionSummary, StoredNotes } from "./notes-store";
import type { NotesStorage } from "./notes-storage";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export interface RoomOptions {
  /** Longest time an accepted update waits in memory before it is in SQLite. */
  flushDelayMs: number;
  /** Compact the update log into a snapshot after this many stored batches. */
  compactAfterUpdates: number;
  /** Keep an empty room loaded this long, for quick reconnects. */
  idleMs: number;
  /** Called (debounced) after the document changed, e.g. to render the readers' copy. */
  onContentChange?: (sessionId: string, doc: Y.Doc) => void;
  /**
   * How long after the first change of a burst the readers' copy is rendered;
   * continuous typing still renders once per delay. A function decides per
   * session (live sessions render sooner, for their live readers).
   */
  contentDelayMs: number | ((sessionId: string) => number);
  /** Called once, synchronously, when the room has loaded and before any connection joins. */
  onLoad?: (room: Room) => void;
  /** Take an automatic revision once this long has passed since the last one and the document changed. */
  revisionEveryMs: number;
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  flushDelayMs: 40,
  compactAfterUpdates: 300,
  idleMs: 15_000,
  contentDelayMs: 750,
  revisionEveryMs: 5 * 60_000,
};

/** What a room starts from: read before it exists (`Room.open`) when the store is asynchronous. */
export interface LoadedNotes {
  stored: StoredNotes;
  lastRevisionAt: number | null;
}

/**
 * One session's live document. The room is constructed fully loaded: from
 * SQLite synchronously in its constructor, or, with an asynchronous store
 * (PostgreSQL), by `Room.open` which reads first and constructs after. So no
 * sync message is ever answered, and nothing is ever stored, from a
 * half-loaded document. Accepted updates are appended to the log within
 * `flushDelayMs` (batched), never by writing the whole state back.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Connections and the awareness client ids each controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  readonly generation: string;
  private pending: Uint8Array[] = [];
  /** Updates received and stored so far (counts): `whenStored` waits until the second reaches the first. */
  private receivedSeq = 0;
  private storedSeq = 0;
  /** An asynchronous append is in flight (at most one per room, so batches stay in order). */
  private writing = false;
  /** Callbacks waiting until every update received before them is stored (see `whenStored`). */
  private storedWaiters: Array<{ seq: number; callback: () => void }> = [];
  private changedSinceRevision = false;
  private lastRevisionAt: number;
  /** Who edited since the last revision: names, and connections whose names may arrive later. */
  private readonly authorsSinceRevision = new Set<string>();
  private readonly editorsSinceRevision = new Set<WebSocket>();
  private flushTimer: NodeJS.Timeout | null = null;
  private contentTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private updatesSinceSnapshot: number;
  private storedBytes: number;
  private destroyed = false;

  constructor(
    readonly sessionId: string,
    private readonly store: NotesStorage,
    private readonly options: RoomOptions,
    private readonly onIdle: (room: Room) => void,
    loaded: LoadedNotes = Room.loadNow(sessionId, store),
  ) {
    this.awareness.setLocalState(null);
    const { stored } = loaded;
    this.generation = stored.generation;
    this.updatesSinceSnapshot = stored.updatesSinceSnapshot;
    this.storedBytes = stored.storedBytes;
    this.lastRevisionAt = loaded.lastRevisionAt ?? Date.now();
    if (stored.state) Y.applyUpdate(this.doc, stored.state, this);
    this.doc.on("update", this.handleUpdate);
    this.awareness.on("update", this.handleAwareness);
    options.onLoad?.(this);
  }

  /** Reads a room's start from an asynchronous store (PostgreSQL), then constructs it. */
  static async open(sessionId: string, store: NotesStorage, options: RoomOptions, onIdle: (room: Room) => void): Promise<Room> {
    const [stored, lastRevisionAt] = await Promise.all([store.load(sessionId), store.lastRevisionAt(sessionId)]);
    return new Room(sessionId, store, options, onIdle, { stored, lastRevisionAt });
  }

  private static loadNow(sessionId: string, store: NotesStorage): LoadedNotes {
    const stored = store.load(sessionId);
    const lastRevisionAt = store.lastRevisionAt(sessionId);
    if (stored instanceof Promise || lastRevisionAt instanceof Promise) {
      throw new Error("this notes store loads asynchronously: open the room with Room.open");
    }
    return { stored, lastRevisionAt };
  }

  /** Bytes of this document in SQLite plus what is waiting to be written. */
  get sizeBytes(): number {
    return this.storedBytes + this.pending.reduce((n, u) => n + u.byteLength, 0);
  }

  private handleUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.pending.push(update);
    this.receivedSeq += 1;
    this.changedSinceRevision = true;
    if (this.conns.has(origin as WebSocket)) {
      const conn = origin as WebSocket;
      this.editorsSinceRevision.add(conn);
      for (const name of this.namesOf(conn)) this.authorsSinceRevision.add(name);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushDelayMs);
    this.outbox.push({ update, origin });
    if (this.outbox.length === 1) setImmediate(this.sendOutbox);
    if (this.options.onContentChange && !this.contentTimer) {
      this.contentTimer = setTimeout(() => {
        this.contentTimer = null;
        this.renderContent();
      }, typeof this.options.contentDelayMs === "function" ? this.options.contentDelayMs(this.sessionId) : this.options.contentDelayMs);
    }
  };

  /**
   * Broadcasts what arrived in this turn of the event loop as one frame per
   * connection. At a calm pace that is one update, sent at once to everyone
   * but its sender; when the server falls behind (a big audience, a burst),
   * every update that queued up goes out merged, so frames per second stop
   * growing with edits x connections. A sender may then get its own edit
   * back inside the merge: Yjs ignores what it already has.
   */
  private readonly outbox: Array<{ update: Uint8Array; origin: unknown }> = [];
  private sendOutbox = () => {
    const queued = this.outbox.splice(0);
    if (queued.length === 0 || this.destroyed) return;
    const only = queued.length === 1 ? queued[0]!.origin : undefined;
    const message = encodeSyncUpdate(queued.length === 1 ? queued[0]!.update : Y.mergeUpdates(queued.map((q) => q.update)));
    for (const conn of this.conns.keys()) {
      if (conn !== only) send(conn, message);
    }
  };

  private handleAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = added.concat(updated, removed);
    const controlled = this.conns.get(origin as WebSocket);
    if (controlled) {
      // `updated` too: a tab that reconnects comes back as an update of a state this room
      // already knew (its meta outlives the removal), and must still leave when it closes.
      for (const id of added) controlled.add(id);
      for (const id of updated) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.conns.keys()) send(conn, message);
  };

  /**
   * Runs `callback` once everything this room has received so far is in
   * SQLite: now when nothing is waiting, else right after the next flush
   * (at most `flushDelayMs`). The connection uses it to answer a client's
   * sync step 1 only when it is durable, which is how editors learn that
   * their edits are saved without any non-standard message.
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
          if (this.destroyed) this.flush();
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
    if (this.destroyed) {
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
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates && !this.destroyed) this.compact();
    const ready = this.storedWaiters.filter((w) => w.seq <= upTo);
    this.storedWaiters = this.storedWaiters.filter((w) => w.seq > upTo);
    for (const waiter of ready) waiter.callback();
    if (this.destroyed) return;
    if (this.changedSinceRevision && Date.now() - this.lastRevisionAt >= this.options.revisionEveryMs) {
      try {
        const taken = this.recordRevision("auto", null);
        if (taken instanceof Promise) taken.catch((err: unknown) => console.error(`[collab] automatic revision of ${this.sessionId} failed`, err));
      } catch (err) {
        console.error(`[collab] automatic revision of ${this.sessionId} failed`, err);
      }
    }
  }

  /**
   * Stores the whole current document as a revision, with the names of the
   * people whose edits arrived since the previous one ("who wrote what").
   */
  takeRevision(kind: RevisionKind, name: string | null, extraAuthors: readonly string[] = []): RevisionSummary {
    const revision = this.recordRevision(kind, name, extraAuthors);
    if (revision instanceof Promise) throw new Error("this notes store is asynchronous: named revisions need recordRevision");
    return revision;
  }

  /** `takeRevision` for either store: with an asynchronous one the revision is stored when the promise resolves. */
  recordRevision(kind: RevisionKind, name: string | null, extraAuthors: readonly string[] = []): RevisionSummary | Promise<RevisionSummary> {
    this.flush();
    for (const conn of this.editorsSinceRevision) for (const n of this.namesOf(conn)) this.authorsSinceRevision.add(n);
    for (const n of extraAuthors) this.authorsSinceRevision.add(n);
    const revision = this.store.addRevision(this.sessionId, {
      generation: this.generation,
      kind,
      name,
      state: Y.encodeStateAsUpdate(this.doc),
      authors: [...this.authorsSinceRevision].sort((a, b) => a.localeCompare(b)),
    });
    this.authorsSinceRevision.clear();
    this.editorsSinceRevision.clear();
    this.changedSinceRevision = false;
    this.lastRevisionAt = Date.now();
    return revision;
  }

  /** True when the document changed since the last revision. */
  get editedSinceRevision(): boolean {
    return this.changedSinceRevision;
  }

  /** Display names announced (awareness `user.name`) by the tabs behind a connection. */
  private namesOf(conn: WebSocket): string[] {
    const names: string[] = [];
    for (const id of this.conns.get(conn) ?? []) {
      const user = (this.awareness.getStates().get(id) as { user?: { name?: unknown } } | undefined)?.user;
      if (user && typeof user.name === "string" && user.name.trim() !== "") names.push(user.name.trim().slice(0, 80));
    }
    return names;
  }

  /** Folds the update log into one snapshot so load time does not grow with history. */
  compact(): void {
    this.flush();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // An asynchronous store merges in whatever is stored but not in `snapshot` (a batch in flight,
    // other instances' updates) inside its own transaction, so nothing waits for it here.
    const compacted = this.store.compact(this.sessionId, snapshot);
    if (compacted instanceof Promise) compacted.catch((err: unknown) => console.error(`[collab] compacting ${this.sessionId} failed`, err));
    this.updatesSinceSnapshot = 0;
    this.storedBytes = snapshot.byteLength;
  }

  /** Stores pending updates and renders the readers' copy now (e.g. before an export). */
  renderNow(): void {
    this.flush();
    if (this.contentTimer) {
      clearTimeout(this.contentTimer);
      this.contentTimer = null;
    }
    this.renderContent();
  }

  private renderContent(): void {
    if (this.destroyed) return;
    try {
      this.options.onContentChange?.(this.sessionId, this.doc);
    } catch (err) {
      console.error(`[collab] rendering readers' copy of ${this.sessionId} failed`, err);
    }
  }

  /** Registers a connection and sends it the server's sync step 1 and current presence. */
  addConnection(conn: WebSocket): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.conns.set(conn, new Set());
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    send(conn, encoding.toUint8Array(encoder));
    this.sendAwarenessTo(conn);
  }

  sendAwarenessTo(conn: WebSocket): void {
    const states = this.awareness.getStates();
    if (states.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
    send(conn, encoding.toUint8Array(encoder));
  }

  /** Forgets a connection and its presence; an empty room unloads after `idleMs`. */
  removeConnection(conn: WebSocket): void {
    const controlled = this.conns.get(conn);
    if (!controlled) return;
    for (const name of this.namesOf(conn)) if (this.editorsSinceRevision.has(conn)) this.authorsSinceRevision.add(name);
    this.editorsSinceRevision.delete(conn);
    this.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    if (this.conns.size === 0) this.releaseWhenIdle();
  }

  /** Stores pending updates and unloads the room after `idleMs` unless someone connects. */
  releaseWhenIdle(): void {
    this.flush();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.conns.size === 0) this.onIdle(this);
    }, this.options.idleMs);
  }

  /**
   * Drops the room without storing what is pending and closes every
   * connection as stale: used when the document is re-created, so that
   * nothing of the old generation is written after the reset.
   */
  discard(): void {
    if (this.destroyed) return;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.contentTimer) clearTimeout(this.contentTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.flushTimer = this.contentTimer = this.idleTimer = null;
    this.pending = [];
    this.storedWaiters = [];
    this.receivedSeq = this.storedSeq;
    this.destroyed = true;
    for (const conn of [...this.conns.keys()]) conn.close(CloseCode.StaleGeneration, "document re-created");
    this.conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Stores everything and releases memory; the room must not be used afterwards. */
  destroy(): void {
    if (this.destroyed) return;
    this.flush();
    if (this.changedSinceRevision) {
      try {
        const taken = this.recordRevision("auto", null);
        if (taken instanceof Promise) taken.catch((err: unknown) => console.error(`[collab] revision of ${this.sessionId} on unload failed`, err));
      } catch (err) {
        console.error(`[collab] revision of ${this.sessionId} on unload failed`, err);
      }
    }
    if (this.contentTimer) {
      clearTimeout(this.contentTimer);
      this.contentTimer = null;
      this.renderContent();
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sends without throwing: a dead socket is cleaned up by its close handler. */
export function send(conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.OPEN) return;
  conn.send(message, (err) => {
    if (err) conn.terminate();
  });
}
