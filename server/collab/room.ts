import type { Socket } from "node:net";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode } from "../../lib/collab/close-codes";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from "../../lib/collab/message-types";
import { sanitizePresenceUser } from "../../lib/collab/sanitize-presence-user";
import { binaryFrame } from "./binary-frame";
import type { ConnectionAccess } from "./connection";
import { DurableUpdateLog } from "./durable-update-log";
import type { RevisionKind, RevisionSummary, StoredNotes } from "./notes-store";
import type { NotesStorage } from "./notes-storage";
import { ReadersCopySchedule, type RenderReadersCopy } from "./readers-copy-schedule";
import { DEFAULT_READER_FANOUT, ReaderFanout, type ReaderFanoutOptions } from "./reader-fanout";
import { RevisionAuthorship } from "./revision-authorship";

export interface RoomOptions {
  /** Longest time an accepted update waits in memory before it is in SQLite. */
  flushDelayMs: number;
  /** Compact the update log into a snapshot after this many stored batches. */
  compactAfterUpdates: number;
  /** Keep an empty room loaded this long, for quick reconnects. */
  idleMs: number;
  /**
   * Called (debounced) after the document changed, e.g. to render the readers' copy; `now` when asked
   * for at once (`renderNow`: someone waits for it). May return a promise of the work being done.
   */
  onContentChange?: RenderReadersCopy;
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
  /** How broadcasts to read-only connections are coalesced (reader-fanout.ts); default DEFAULT_READER_FANOUT. */
  readerFanout?: ReaderFanoutOptions;
}

/** What the room knows of one connection. */
export interface ConnectionState {
  /** Why it was admitted (role, account, credential): access changes and revision authors read it. */
  readonly access: ConnectionAccess;
  /** The one awareness client id this connection announced first (null until it has), and its clock. */
  presenceId: number | null;
  presenceClock: number;
  /** Bytes of sync replies handed to the socket and not yet written out (they may be the whole document). */
  replyBytes: number;
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
 *
 * The room owns the document, its connections and their presence, and the
 * broadcast; persistence (`DurableUpdateLog`), revision authorship
 * (`RevisionAuthorship`) and the readers' copy timing (`ReadersCopySchedule`)
 * live in their own files, and the room only tells them what happened.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Connections, with why each was admitted and the presence it controls (callers use `connections()`). */
  private readonly conns = new Map<WebSocket, ConnectionState>();
  /** Awareness client id -> the connection that controls it (each controls at most one). */
  private readonly presenceOwners = new Map<number, WebSocket>();
  readonly generation: string;
  private readonly log: DurableUpdateLog;
  private readonly revisions: RevisionAuthorship;
  /** Null without `onContentChange`. */
  private readonly readersCopy: ReadersCopySchedule | null;
  private idleTimer: NodeJS.Timeout | null = null;
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
    this.log = new DurableUpdateLog(
      sessionId,
      store,
      options,
      stored,
      () => Y.encodeStateAsUpdate(this.doc),
      () => {
        if (this.revisions.due) this.autoRevision(`automatic revision of ${sessionId}`);
      },
    );
    this.revisions = new RevisionAuthorship(
      sessionId,
      stored.generation,
      store,
      options.revisionEveryMs,
      loaded.lastRevisionAt,
    );
    this.readersCopy = options.onContentChange
      ? new ReadersCopySchedule(sessionId, this.doc, options.onContentChange, options.contentDelayMs)
      : null;
    this.readers = new ReaderFanout(
      this.sendToReaders,
      encodeBroadcast,
      options.readerFanout ?? DEFAULT_READER_FANOUT,
      this.encodePresence,
    );
    for (const part of stored.parts) Y.applyUpdate(this.doc, part, this);
    this.doc.on("update", this.handleUpdate);
    this.awareness.on("update", this.handleAwareness);
    options.onLoad?.(this);
  }

  /** Reads a room's start from an asynchronous store (PostgreSQL), then constructs it. */
  static async open(
    sessionId: string,
    store: NotesStorage,
    options: RoomOptions,
    onIdle: (room: Room) => void,
  ): Promise<Room> {
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
    return this.log.sizeBytes;
  }

  /** The whole document as a sync step 2 frame, kept until the document changes (see `fullStep2`). */
  private fullStep2Frame: Uint8Array | null = null;

  /**
   * The answer to a sync step 1 that has nothing ("send me everything"): what
   * every new reader asks first, and what a flood of tiny hostile frames asks
   * for. Encoded once per version of the document, whoever asks and however often.
   */
  fullStep2(): Uint8Array {
    if (!this.fullStep2Frame) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc));
      this.fullStep2Frame = encoding.toUint8Array(encoder);
    }
    return this.fullStep2Frame;
  }

  private handleUpdate = (update: Uint8Array, origin: unknown) => {
    this.fullStep2Frame = null;
    if (origin === this) return;
    this.log.received(update);
    // The account that was admitted, never what the connection claims in its presence.
    this.revisions.edited(this.conns.get(origin as WebSocket)?.access.name);
    this.outbox.push({ update, origin });
    if (this.outbox.length === 1) setImmediate(this.sendOutbox);
    this.readersCopy?.changed();
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
    const update = queued.length === 1 ? queued[0]!.update : Y.mergeUpdates(queued.map((q) => q.update));
    // Encoded and framed once for everyone: each socket gets the same Buffer in one write.
    const encoded = encodeBroadcast(update);
    for (const [conn, state] of this.conns) {
      if (conn !== only && !state.access.readOnly) this.sendTo(conn, encoded.message, undefined, encoded.frame);
    }
    // Read-only connections never send updates (so none is `only`); when many, they get merged frames.
    this.readers.push(update, encoded);
  };

  /** Broadcasts to read-only connections, coalesced while fanning out to them is costly (reader-fanout.ts). */
  private readonly readers: ReaderFanout;

  private sendToReaders = (message: Uint8Array, frame: Buffer) => {
    for (const [conn, state] of this.conns) {
      if (state.access.readOnly) this.sendTo(conn, message, undefined, frame);
    }
  };

  private handleAwareness = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    const changed = added.concat(updated, removed);
    const encoded = this.encodePresence(changed);
    if (!encoded) return;
    // Like a document broadcast: framed once, editors at once, readers through the fan-out (a caret that
    // moves with every keystroke would otherwise cost every reader a write per keystroke).
    for (const [conn, state] of this.conns) {
      if (!state.access.readOnly) this.sendTo(conn, encoded.message, undefined, encoded.frame);
    }
    this.readers.pushPresence(changed, encoded);
  };

  /** The awareness message with the current state of these clients (removed ones as removed); null when none is known. */
  private encodePresence = (clientIds: number[]): { message: Uint8Array; frame: Buffer } | null => {
    const known = clientIds.filter((id) => this.awareness.meta.has(id));
    if (known.length === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, known));
    const message = encoding.toUint8Array(encoder);
    return { message, frame: binaryFrame(message) };
  };

  /**
   * Applies an awareness update from a (non-public) connection, keeping only
   * what that connection may say: its own presence, i.e. the one client id it
   * announced first, which no other connection holds; the clock moving
   * forward by a few steps, never jumping; a small state whose user name and
   * colour are rewritten to safe values. Entries about other clients (a
   * standard client relays what it hears) are ignored, not refused. A room
   * relays at most `maxPresencePerRoom` states. Throws on an unreadable update.
   */
  acceptPresence(conn: WebSocket, update: Uint8Array): void {
    const state = this.conns.get(conn);
    if (!state) return;
    const decoder = decoding.createDecoder(update);
    const accepted: Array<{ id: number; clock: number; json: string }> = [];
    // Read one entry at a time: a frame can hold ~100,000 entries, none of which may cost memory.
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      let previous: ConnectionState | undefined;
      if (state.presenceId === null) {
        // Claiming a client id: only one nobody holds (not another tab's, not the room's own), except
        // that a tab of the same account reconnecting before its old connection timed out takes its id back.
        const holder = this.presenceOwners.get(id);
        previous = holder && this.conns.get(holder);
        if (json === "null" || id === this.awareness.clientID) continue;
        if (previous) {
          if (
            previous.access.userId === null ||
            previous.access.userId !== state.access.userId ||
            clock <= previous.presenceClock
          )
            continue;
        } else if (this.awareness.getStates().has(id) || this.presenceOwners.size >= COLLAB_LIMITS.maxPresencePerRoom) {
          continue;
        }
      } else if (
        id !== state.presenceId ||
        clock <= state.presenceClock ||
        clock > state.presenceClock + COLLAB_LIMITS.maxPresenceClockStep
      ) {
        continue;
      }
      const clean = json === "null" ? json : cleanPresenceState(json);
      if (clean === null) continue;
      if (state.presenceId === null) {
        if (previous) previous.presenceId = null;
        state.presenceId = id;
        this.presenceOwners.set(id, conn);
      }
      state.presenceClock = clock;
      accepted.push({ id, clock, json: clean });
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes after an awareness update");
    if (accepted.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, accepted.length);
    for (const { id, clock, json } of accepted) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn);
  }

  /**
   * Sends a message to a connection unless the connection stopped reading:
   * when more than `maxBufferedBytes` (beyond a sync reply being written)
   * already wait for it, it is closed as Behind instead, so a reader that
   * never reads costs bounded memory. The client reconnects and resyncs.
   * `frame`: the message already framed (`binaryFrame`), shared by a broadcast.
   */
  sendTo(conn: WebSocket, message: Uint8Array, done?: () => void, frame?: Buffer): void {
    const state = this.conns.get(conn);
    if (state && conn.bufferedAmount - state.replyBytes > COLLAB_LIMITS.maxBufferedBytes) {
      this.removeConnection(conn);
      conn.close(CloseCode.Behind, "too far behind: reconnect");
      // Its close frame waits behind what it does not read: free the buffers soon regardless.
      setTimeout(() => conn.terminate(), 5000).unref();
      return;
    }
    send(conn, message, done, frame);
  }

  /**
   * Sends sync replies (step 2 frames) and calls `done` once their bytes have
   * left for the network; until then they do not count against the
   * connection's buffer bound (a reply may be the whole document).
   */
  sendReply(conn: WebSocket, frames: readonly Uint8Array[], done: () => void): void {
    const state = this.conns.get(conn);
    if (!state) return;
    let bytes = 0;
    frames.forEach((frame, i) => {
      if (!this.conns.has(conn)) return;
      const last = i === frames.length - 1;
      this.sendTo(conn, frame, last ? () => ((state.replyBytes -= bytes), done()) : undefined);
      bytes += frame.byteLength;
      state.replyBytes += frame.byteLength;
    });
  }

  /**
   * Runs `callback` once everything this room has received so far is in
   * SQLite: now when nothing is waiting, else right after the next flush
   * (at most `flushDelayMs`). The connection uses it to answer a client's
   * sync step 1 only when it is durable, which is how editors learn that
   * their edits are saved without any non-standard message.
   */
  whenStored(callback: () => void): void {
    this.log.whenStored(callback);
  }

  /** Writes pending updates now (see `DurableUpdateLog.flush`). */
  flush(): void {
    this.log.flush();
  }

  /**
   * Stores the whole current document as a revision, with the names of the
   * people whose edits arrived since the previous one ("who wrote what").
   */
  takeRevision(kind: RevisionKind, name: string | null, extraAuthors: readonly string[] = []): RevisionSummary {
    const revision = this.recordRevision(kind, name, extraAuthors);
    if (revision instanceof Promise)
      throw new Error("this notes store is asynchronous: named revisions need recordRevision");
    return revision;
  }

  /** `takeRevision` for either store: with an asynchronous one the revision is stored when the promise resolves. */
  recordRevision(
    kind: RevisionKind,
    name: string | null,
    extraAuthors: readonly string[] = [],
  ): RevisionSummary | Promise<RevisionSummary> {
    this.flush();
    return this.revisions.record(kind, name, Y.encodeStateAsUpdate(this.doc), extraAuthors);
  }

  /** An automatic revision, its failure logged as `what` failing (nobody waits for it). */
  private autoRevision(what: string): void {
    try {
      const taken = this.recordRevision("auto", null);
      if (taken instanceof Promise) taken.catch((err: unknown) => console.error(`[collab] ${what} failed`, err));
    } catch (err) {
      console.error(`[collab] ${what} failed`, err);
    }
  }

  /** True when the document changed since the last revision. */
  get editedSinceRevision(): boolean {
    return this.revisions.editedSinceRevision;
  }

  /** Folds the update log into one snapshot so load time does not grow with history. */
  compact(): void {
    this.log.compact();
  }

  /**
   * Stores pending updates and renders the readers' copy now (e.g. before an export); resolves once
   * the render is stored when it is asynchronous (PostgreSQL).
   */
  async renderNow(): Promise<void> {
    this.flush();
    await this.readersCopy?.now();
  }

  /** Registers a connection and sends it the server's sync step 1 and current presence. */
  addConnection(conn: WebSocket, access: ConnectionAccess): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.conns.set(conn, { access, presenceId: null, presenceClock: 0, replyBytes: 0 });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.sendTo(conn, encoding.toUint8Array(encoder));
    this.sendAwarenessTo(conn);
  }

  sendAwarenessTo(conn: WebSocket): void {
    const states = this.awareness.getStates();
    if (states.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
    this.sendTo(conn, encoding.toUint8Array(encoder));
  }

  /**
   * Forgets a connection and its presence: everyone is told it left, and the
   * room keeps nothing of it (not even the clock awareness keeps for removed
   * states), so presence costs memory only while its connection is open.
   * An empty room unloads after `idleMs`.
   */
  removeConnection(conn: WebSocket): void {
    const state = this.conns.get(conn);
    if (!state) return;
    this.conns.delete(conn);
    const id = state.presenceId;
    if (id !== null) {
      this.presenceOwners.delete(id);
      awarenessProtocol.removeAwarenessStates(this.awareness, [id], null);
      this.awareness.meta.delete(id);
    }
    if (this.conns.size === 0) this.releaseWhenIdle();
  }

  /** Display names of people who edited since the last revision (they join its authors when it is taken). */
  authorsSinceLastRevision(): string[] {
    return this.revisions.authorsSinceLastRevision();
  }

  /** The open connections and why each was admitted (a copy: closing them while iterating is safe). */
  connections(): Array<{ conn: WebSocket; access: ConnectionAccess }> {
    return [...this.conns].map(([conn, { access }]) => ({ conn, access }));
  }

  /** True while `conn` is one of this room's connections. */
  hasConnection(conn: WebSocket): boolean {
    return this.conns.has(conn);
  }

  /**
   * Unloads the room after `idleMs` when nobody is connected (storing what is pending first): what
   * code that opened a room for its own use (a revision, a merge, a server change) calls when done.
   */
  releaseIfEmpty(): void {
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
   * connection (as stale by default): used when the document is re-created,
   * so that nothing of the old generation is written after the reset, and
   * when the session is deleted.
   */
  discard(code: number = CloseCode.StaleGeneration, reason = "document re-created"): void {
    if (this.destroyed) return;
    this.log.discard();
    this.readersCopy?.discard();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.readers.close();
    this.destroyed = true;
    for (const conn of [...this.conns.keys()]) conn.close(code, reason);
    this.conns.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Stores everything and releases memory; the room must not be used afterwards. */
  destroy(): void {
    if (this.destroyed) return;
    this.readers.flush();
    this.flush();
    if (this.revisions.editedSinceRevision) this.autoRevision(`revision of ${this.sessionId} on unload`);
    this.readersCopy?.close();
    this.log.close();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** A broadcast update as a sync-update message, and that message framed once for every socket. */
function encodeBroadcast(update: Uint8Array): { message: Uint8Array; frame: Buffer } {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  const message = encoding.toUint8Array(encoder);
  return { message, frame: binaryFrame(message) };
}

/**
 * The state of an awareness entry as the room relays it: at most
 * `maxPresenceStateBytes` of JSON object, its `user` reduced to a safe name
 * and colour (lib/collab/sanitize-presence-user). Null: drop the entry.
 */
function cleanPresenceState(json: string): string | null {
  if (json.length > COLLAB_LIMITS.maxPresenceStateBytes) return null;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof state !== "object" || state === null || Array.isArray(state)) return null;
  const { user, ...rest } = state as { user?: unknown };
  const safe = user === undefined ? null : sanitizePresenceUser(user);
  const clean: Record<string, unknown> = { ...rest };
  if (safe) clean.user = safe.color ? safe : { name: safe.name };
  return JSON.stringify(clean);
}

/**
 * Sends without throwing: a dead socket is cleaned up by its close handler. `done`: its bytes left (or failed).
 * With `frame` (the message framed once for a broadcast) and no `done`, the frame is written straight to the socket when
 * `ws` has nothing of its own queued and no compression was negotiated (the collab server offers none), so
 * the bytes stay in order; the socket's buffer still counts in `bufferedAmount`, which bounds a slow reader.
 * Otherwise `ws` frames it, never compressed.
 */
export function send(conn: WebSocket, message: Uint8Array, done?: () => void, frame?: Buffer): void {
  if (conn.readyState !== conn.OPEN) return;
  const internals = conn as unknown as WsInternals;
  const socket = internals._socket;
  if (
    frame &&
    !done &&
    socket?.writable &&
    internals._sender?._state === 0 &&
    internals._sender._queue?.length === 0 &&
    !internals._extensions["permessage-deflate"]
  ) {
    // A broadcast copy nobody waits for takes no callback (a closure and a tick per socket, 250k/s in
    // scenario 1): a failed write errors the socket, which `ws` destroys, and its close handler cleans up.
    socket.write(frame);
    return;
  }
  conn.send(message, { binary: true, compress: false }, (err?: Error | null) => {
    if (err) conn.terminate();
    done?.();
  });
}

/** The parts of a `ws` 8 WebSocket that decide whether a ready frame may bypass its sender (absent: it may not). */
interface WsInternals {
  _socket?: Socket;
  _sender?: { _state?: number; _queue?: unknown[] };
  _extensions: Record<string, unknown>;
}
