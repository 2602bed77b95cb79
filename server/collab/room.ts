import type { WebSocket } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import type { NotesStore } from "./notes-store";

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
}

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  flushDelayMs: 40,
  compactAfterUpdates: 300,
  idleMs: 15_000,
  contentDelayMs: 750,
};

/**
 * One session's live document. The room is loaded from SQLite synchronously in
 * its constructor, so no sync message is ever answered, and nothing is ever
 * stored, from a half-loaded document. Accepted updates are appended to the
 * log within `flushDelayMs` (batched), never by writing the whole state back.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Connections and the awareness client ids each controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  readonly generation: string;
  private pending: Uint8Array[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private contentTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private updatesSinceSnapshot: number;
  private storedBytes: number;
  private destroyed = false;

  constructor(
    readonly sessionId: string,
    private readonly store: NotesStore,
    private readonly options: RoomOptions,
    private readonly onIdle: (room: Room) => void,
  ) {
    this.awareness.setLocalState(null);
    const stored = store.load(sessionId);
    this.generation = stored.generation;
    this.updatesSinceSnapshot = stored.updatesSinceSnapshot;
    this.storedBytes = stored.storedBytes;
    if (stored.state) Y.applyUpdate(this.doc, stored.state, this);
    this.doc.on("update", this.handleUpdate);
    this.awareness.on("update", this.handleAwareness);
    options.onLoad?.(this);
  }

  /** Bytes of this document in SQLite plus what is waiting to be written. */
  get sizeBytes(): number {
    return this.storedBytes + this.pending.reduce((n, u) => n + u.byteLength, 0);
  }

  private handleUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    this.pending.push(update);
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushDelayMs);
    const message = encodeSyncUpdate(update);
    for (const conn of this.conns.keys()) {
      if (conn !== origin) send(conn, message);
    }
    if (this.options.onContentChange && !this.contentTimer) {
      this.contentTimer = setTimeout(() => {
        this.contentTimer = null;
        this.renderContent();
      }, typeof this.options.contentDelayMs === "function" ? this.options.contentDelayMs(this.sessionId) : this.options.contentDelayMs);
    }
  };

  private handleAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = added.concat(updated, removed);
    const controlled = this.conns.get(origin as WebSocket);
    if (controlled) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.conns.keys()) send(conn, message);
  };

  /** Writes pending updates to SQLite now, as one merged batch. */
  flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.store.append(this.sessionId, batch);
    this.storedBytes += batch.byteLength;
    this.updatesSinceSnapshot += 1;
    if (this.updatesSinceSnapshot >= this.options.compactAfterUpdates) this.compact();
  }

  /** Folds the update log into one snapshot so load time does not grow with history. */
  compact(): void {
    this.flush();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    this.store.compact(this.sessionId, snapshot);
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

  /** Stores everything and releases memory; the room must not be used afterwards. */
  destroy(): void {
    if (this.destroyed) return;
    this.flush();
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
