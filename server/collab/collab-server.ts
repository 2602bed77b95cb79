import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { parseCollabPath } from "../../lib/collab/room-name";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { attachConnection, type ConnectionAccess } from "./connection";
import { NotesHistory } from "./notes-history";
import { NotesMerge } from "./notes-merge";
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- instanceof only: SQLite rooms load synchronously
import { NotesStore } from "./notes-store";
import type { NotesStorage } from "./notes-storage";
import type { ReadersCopyRenderer } from "./render-readers-copy";
import { DEFAULT_ROOM_OPTIONS, Room, type RoomOptions } from "./room";
import type { RoomHost } from "./room-host";

/** Decides, before any sync message, whether and how a request may join a room. */
export type AuthorizeCollab = (req: IncomingMessage, sessionId: string) => ConnectionAccess | null;

/**
 * Something that may withdraw or change access, reported by the code that
 * made the change (server/data, server/auth) through the runtime.
 */
export type AccessChange =
  /** A session's status changed (to `status`). */
  | { kind: "session-status"; sessionId: string; status: string }
  /** A member of a conference was removed, or their role changed. */
  | { kind: "membership"; conferenceId: string; userId: string }
  /** A personal access token was revoked (by id). */
  | { kind: "token-revoked"; tokenId: string }
  /** A cookie session ended: the account signed out (Better Auth session id). */
  | { kind: "signed-out"; sessionId: string };

const PUBLIC_STATUSES = new Set<string>(PUBLIC_SESSION_STATUSES);

export interface CollabServerOptions {
  /** SQLite (`NotesStore`, synchronous) or PostgreSQL (`PostgresNotesStore`: rooms load asynchronously). */
  store: NotesStorage;
  authorize: AuthorizeCollab;
  room?: Partial<RoomOptions>;
  /**
   * Reads a session's status (synchronously: from SQLite, or PostgreSQL's last read). With it, the
   * server looks at the status of every loaded room every `statusCheckMs`
   * and treats a change it was not told about (the CLI's publish/archive run
   * in another process) like `accessChanged`.
   */
  sessionStatus?: (sessionId: string) => string | null;
  statusCheckMs?: number;
  /** Renders revisions for the history view (on PostgreSQL it must be given: it reads through the pool). */
  renderer?: ReadersCopyRenderer;
}

/**
 * The collaboration endpoint `/collab/<sessionId>`: authorises the upgrade,
 * then hands the socket to the session's room. Rooms are created on first
 * connect (loaded from SQLite) and unloaded when idle.
 */
export class CollabServer implements RoomHost {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: COLLAB_LIMITS.maxMessageBytes });
  private readonly roomsById = new Map<string, Room>();
  /** Rooms being read from an asynchronous store: one load per session however many connect meanwhile. */
  private readonly loadingById = new Map<string, Promise<Room>>();
  private readonly roomOptions: RoomOptions;
  /** The status each loaded room was last seen with (see `sessionStatus`). */
  private readonly knownStatus = new Map<string, string | null>();
  private readonly statusTimer: NodeJS.Timeout | null;
  /** Revisions: list, name, view, restore (used by route code through the runtime). */
  readonly history = new NotesHistory(this);
  /** Merging other notes into a live document (ARCHITECTURE.md, "Merging notes"), used by server/data/merge-session-notes.ts. */
  readonly merge = new NotesMerge(this);

  constructor(private readonly options: CollabServerOptions) {
    this.roomOptions = { ...DEFAULT_ROOM_OPTIONS, ...options.room };
    this.statusTimer = options.sessionStatus
      ? setInterval(() => this.checkStatuses(), options.statusCheckMs ?? 5000)
      : null;
    this.statusTimer?.unref();
  }

  /** Follows status changes made outside this process (one indexed query per loaded room). */
  private checkStatuses(): void {
    const read = this.options.sessionStatus;
    if (!read) return;
    for (const sessionId of [...this.roomsById.keys()]) {
      let status: string | null;
      try {
        status = read(sessionId);
      } catch (err) {
        console.error(`[collab] reading the status of ${sessionId} failed`, err);
        continue;
      }
      const known = this.knownStatus.get(sessionId);
      this.knownStatus.set(sessionId, status);
      // Closing is idempotent: connections admitted under the new status are not affected by it.
      if (known !== undefined && known !== status)
        this.accessChanged({ kind: "session-status", sessionId, status: status ?? "deleted" });
    }
  }

  /** The loaded room of a session, loading it when needed (synchronous store, or a room already loaded). */
  room(sessionId: string): Room {
    let room = this.roomsById.get(sessionId);
    if (!room) {
      room = new Room(sessionId, this.options.store, this.roomOptions, (idle) => this.unload(idle));
      this.roomsById.set(sessionId, room);
      try {
        this.knownStatus.set(sessionId, this.options.sessionStatus?.(sessionId) ?? null);
      } catch {
        // Learnt at the next check instead.
      }
    }
    return room;
  }

  /** The loaded room of a session, loading it from either store when needed. */
  openRoom(sessionId: string): Promise<Room> {
    const loaded = this.roomsById.get(sessionId);
    if (loaded) return Promise.resolve(loaded);
    if (this.options.store instanceof NotesStore) return Promise.resolve(this.room(sessionId));
    let loading = this.loadingById.get(sessionId);
    if (!loading) {
      loading = Room.open(sessionId, this.options.store, this.roomOptions, (idle) => this.unload(idle)).then(
        (room) => {
          this.loadingById.delete(sessionId);
          const existing = this.roomsById.get(sessionId);
          if (existing) {
            room.discard();
            return existing;
          }
          this.roomsById.set(sessionId, room);
          return room;
        },
        (err: unknown) => {
          this.loadingById.delete(sessionId);
          throw err;
        },
      );
      this.loadingById.set(sessionId, loading);
    }
    return loading;
  }

  /** Runs `change` on the session's live document (loading it if needed), so every client sees it. */
  change(sessionId: string, change: (doc: Y.Doc) => void): void {
    const room = this.room(sessionId);
    room.doc.transact(() => change(room.doc), "server");
    room.releaseIfEmpty();
  }

  /** The notes store, either database. */
  get storage(): NotesStorage {
    return this.options.store;
  }

  /** The renderer given at construction, if any. */
  get renderer(): ReadersCopyRenderer | undefined {
    return this.options.renderer;
  }

  /** The SQLite store of the notes documents (revisions, generations). */
  get store(): NotesStore {
    if (!(this.options.store instanceof NotesStore))
      throw new Error("revisions and generations are not wired to PostgreSQL yet");
    return this.options.store;
  }

  /** The current generation of a session's notes (creating the document row on first use); a promise on PostgreSQL. */
  generation(sessionId: string): string | Promise<string> {
    return this.roomsById.get(sessionId)?.generation ?? this.options.store.ensureGeneration(sessionId);
  }

  /**
   * Re-creates a session's notes as an empty document with a new generation.
   * The loaded room is dropped without storing what it still held, and its
   * connections are closed as stale, so no old local copy merges into the new
   * document. Returns the new generation (a promise on PostgreSQL, resolved
   * once it is committed). Only this instance's room is dropped: nothing
   * tells other instances yet (no caller outside tests re-creates notes).
   */
  recreateNotes(sessionId: string): string | Promise<string> {
    const room = this.roomsById.get(sessionId);
    if (room) {
      this.roomsById.delete(sessionId);
      room.discard();
    }
    return this.options.store.recreate(sessionId);
  }

  /**
   * Unloads a session's room without storing what it still holds and closes
   * its connections as NotFound: the session is being deleted.
   */
  dropRoom(sessionId: string): void {
    const room = this.roomsById.get(sessionId);
    if (!room) return;
    this.roomsById.delete(sessionId);
    room.discard(CloseCode.NotFound, "session deleted");
  }

  /** Brings a loaded session's readers' copy up to date now; a session nobody edits is already current. */
  async refreshReadersCopy(sessionId: string): Promise<void> {
    await this.roomsById.get(sessionId)?.renderNow();
  }

  /** The rooms loaded right now. */
  loadedRooms(): IterableIterator<Room> {
    return this.roomsById.values();
  }

  /**
   * Closes, at once, the open connections whose admission `change` withdraws
   * or alters (each connection records why it was admitted: role, account,
   * cookie session or token). They are closed as AccessChanged, so a client
   * that still has access reconnects as what it is now (a demoted editor
   * comes back read-only); writers of a session that was archived are closed
   * as ReadOnly. Returns how many connections were closed.
   */
  accessChanged(change: AccessChange): number {
    let closed = 0;
    for (const room of this.roomsById.values()) {
      if (change.kind === "session-status" && room.sessionId !== change.sessionId) continue;
      for (const { conn, access } of room.connections()) {
        const code = affected(change, access);
        if (code === null) continue;
        if (code === CloseCode.ReadOnly) room.flush();
        room.removeConnection(conn);
        conn.close(code, code === CloseCode.ReadOnly ? "session archived" : "access changed");
        closed += 1;
      }
    }
    return closed;
  }

  /** Handles an HTTP upgrade for `/collab/...`; answers with an HTTP error when refused. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const sessionId = parseCollabPath(url.pathname);
    if (!sessionId) return refuse(socket, 400, "Bad Request");
    let access: ConnectionAccess | null;
    try {
      access = this.options.authorize(req, sessionId);
    } catch (err) {
      console.error("[collab] authorisation failed", err);
      return refuse(socket, 500, "Internal Server Error");
    }
    if (!access) return refuse(socket, 404, "Not Found");
    const granted = access;
    const generation = url.searchParams.get("gen");
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const join = (room: Room) => {
        if (generation !== null && generation !== room.generation) {
          // Before any sync message: a local copy of an older incarnation must never merge in.
          ws.close(CloseCode.StaleGeneration, "local copy is of an older generation");
          room.releaseIfEmpty();
          return;
        }
        attachConnection(room, ws, granted);
      };
      const failed = (err: unknown) => {
        console.error(`[collab] could not open session ${sessionId}`, err);
        ws.close(CloseCode.NotFound, "could not open document");
      };
      const loaded = this.roomsById.get(sessionId);
      if (loaded || this.options.store instanceof NotesStore) {
        try {
          join(loaded ?? this.room(sessionId));
        } catch (err) {
          failed(err);
        }
        return;
      }
      // The room is read from PostgreSQL first. What the client sends meanwhile (its sync step 1,
      // awareness, even edits) is held, bounded, and handed to the connection once the room is
      // loaded, in order: nothing is answered or stored from a half-loaded document.
      const held: Array<[RawData, boolean]> = [];
      const hold = (data: RawData, isBinary: boolean) => {
        if (held.push([data, isBinary]) > COLLAB_LIMITS.messageBurst) ws.close(CloseCode.RateLimited, "rate limited");
      };
      ws.on("message", hold);
      this.openRoom(sessionId).then(
        (room) => {
          ws.off("message", hold);
          if (ws.readyState !== ws.OPEN) {
            room.releaseIfEmpty();
            return;
          }
          join(room);
          for (const [data, isBinary] of held) (ws as WebSocket).emit("message", data, isBinary);
        },
        (err: unknown) => {
          ws.off("message", hold);
          failed(err);
        },
      );
    });
  }

  private unload(room: Room): void {
    if (this.roomsById.get(room.sessionId) === room) {
      this.roomsById.delete(room.sessionId);
      this.knownStatus.delete(room.sessionId);
    }
    room.destroy();
  }

  /** Stores every room and closes every connection (graceful shutdown). */
  close(): void {
    for (const room of this.roomsById.values()) {
      for (const { conn } of room.connections()) conn.close(CloseCode.ServerShutdown, "server shutting down");
      room.destroy();
    }
    this.roomsById.clear();
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.wss.close();
  }
}

/** The close code for a connection `change` affects, or null when it keeps its access as it is. */
function affected(change: AccessChange, access: ConnectionAccess): number | null {
  switch (change.kind) {
    case "session-status":
      if (access.role === "public") return PUBLIC_STATUSES.has(change.status) ? null : CloseCode.AccessChanged;
      if (access.role === "viewer") return null;
      // Editors and owners: archived means read-only for everyone; leaving archived gives writing back.
      if (change.status === "archived") return access.readOnly ? null : CloseCode.ReadOnly;
      return access.readOnly ? CloseCode.AccessChanged : null;
    case "membership":
      // An instance admin is an owner everywhere, whatever their membership says.
      return access.userId === change.userId &&
        access.conferenceId === change.conferenceId &&
        access.role !== "public" &&
        !access.admin
        ? CloseCode.AccessChanged
        : null;
    case "token-revoked":
      return access.tokenCredential === change.tokenId ? CloseCode.AccessChanged : null;
    case "signed-out":
      return access.sessionCredential === change.sessionId ? CloseCode.AccessChanged : null;
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
