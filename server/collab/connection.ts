import type { WebSocket, RawData } from "ws";
import * as Y from "yjs";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { ConferenceRole } from "../../lib/auth/conference-roles";
import { CloseCode } from "../../lib/collab/close-codes";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from "../../lib/collab/message-types";
import type { Room } from "./room";

/**
 * How a connection was admitted, decided at the upgrade (server/auth/collab-request-access.ts)
 * and kept for its lifetime: what it may do, and why, so that a change of
 * access (CollabServer.accessChanged) closes exactly the connections it affects.
 */
export interface ConnectionAccess {
  /** Read-only connections get the document and presence, but their edits are refused. */
  readOnly: boolean;
  /** The role that admitted it; "public": a reader of a public session without one (sends no presence). */
  role: ConferenceRole | "public";
  conferenceId: string;
  /** The account behind it (null: anonymous), whether that account is an instance admin, and its name. */
  userId: string | null;
  admin: boolean;
  /** The account's display name: what revisions record as author, whatever the presence says. */
  name: string | null;
  /** The cookie session (Better Auth session id) or access token (its id) that proved the account. */
  sessionCredential: string | null;
  tokenCredential: string | null;
  /** When that credential ends (ms since the epoch); the connection is closed then. */
  expiresAt: number | null;
}

/** An empty Yjs update (no structs, empty delete set): what a reader's sync step 2 looks like. */
const EMPTY_UPDATE_BYTES = 2;
const MAX_REFUSED_EDITS = 3;
const PING_INTERVAL_MS = 30_000;
/** setTimeout's longest delay (about 24.8 days); a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A sync step 2 carrying an empty update: the answer to a step 1 merged into an earlier one. */
const EMPTY_STEP2 = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
  return encoding.toUint8Array(encoder);
})();

/**
 * Speaks the y-websocket protocol (sync + awareness) for one socket in one room.
 * Anything unreadable closes this connection only; the room and everyone else
 * carry on.
 */
export function attachConnection(room: Room, conn: WebSocket, access: ConnectionAccess): void {
  let tokens: number = COLLAB_LIMITS.messageBurst;
  let lastRefill = Date.now();
  let refusedEdits = 0;
  let alive = true;
  // Until the client has answered our sync step 1, its live updates may build on edits the server
  // lost (a crash inside the batch window) or never got (typed offline): its step 2 brings those.
  let answeredStep1 = false;
  // Sync step 1s: one reply is written at a time; step 1s that arrive meanwhile are merged into
  // one group (the smallest of their state vectors), answered with one diff and an empty step 2
  // for each of the others, so every step 1 still gets its own step 2, in order (the editor's save
  // tracker counts on it), while one small frame repeated can never queue many copies of the document.
  let replying = false;
  let queuedStep1: { count: number; vector: Map<number, number> } | null = null;

  const close = (code: number, reason: string) => {
    room.removeConnection(conn);
    conn.close(code, reason);
  };

  const answerQueuedStep1 = () => {
    const group = queuedStep1;
    if (replying || !group) return;
    queuedStep1 = null;
    replying = true;
    // Answered only once everything received so far is in SQLite: the reply to a
    // client's step 1 doubles as "your edits before this are durable" (see Room.whenStored).
    room.whenStored(() => {
      if (!room.hasConnection(conn)) return;
      let reply: Uint8Array;
      try {
        reply =
          group.vector.size === 0
            ? room.fullStep2()
            : step2Frame(Y.encodeStateAsUpdate(room.doc, encodeStateVector(group.vector)));
      } catch {
        return close(CloseCode.Malformed, "malformed message");
      }
      const frames = [reply];
      for (let i = 1; i < group.count; i++) frames.push(EMPTY_STEP2);
      room.sendReply(conn, frames, () => {
        replying = false;
        answerQueuedStep1();
      });
    });
  };

  conn.on("message", (data: RawData, isBinary: boolean) => {
    const now = Date.now();
    tokens = Math.min(
      COLLAB_LIMITS.messageBurst,
      tokens + ((now - lastRefill) / 1000) * COLLAB_LIMITS.messagesPerSecond,
    );
    lastRefill = now;
    if (tokens < 1) return close(CloseCode.RateLimited, "rate limited");
    tokens -= 1;
    if (!isBinary) return close(CloseCode.Malformed, "binary frames only");
    const message = toUint8Array(data);
    try {
      const reply = handleMessage(message);
      if (reply) room.sendTo(conn, reply);
    } catch (err) {
      if (err instanceof RefusedError) return close(err.code, err.message);
      return close(CloseCode.Malformed, "malformed message");
    }
  });

  const handleMessage = (message: Uint8Array): Uint8Array | null => {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const subtype = decoding.peekVarUint(decoder);
        if (subtype === syncProtocol.messageYjsSyncStep1) {
          decoding.readVarUint(decoder);
          const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder)); // throws on garbage now, not in a timer
          expectEnd(decoder);
          queuedStep1 = queuedStep1
            ? { count: queuedStep1.count + 1, vector: smallestVector(queuedStep1.vector, vector) }
            : { count: 1, vector };
          answerQueuedStep1();
          return null;
        }
        if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) {
          throw new RefusedError(CloseCode.Malformed, "unknown sync message");
        }
        if (access.readOnly) {
          decoding.readVarUint(decoder);
          const update = decoding.readVarUint8Array(decoder);
          if (update.byteLength > EMPTY_UPDATE_BYTES && ++refusedEdits > MAX_REFUSED_EDITS) {
            throw new RefusedError(CloseCode.ReadOnly, "read-only connection");
          }
          return null;
        }
        if (room.sizeBytes + message.byteLength > COLLAB_LIMITS.maxDocumentBytes) {
          throw new RefusedError(CloseCode.TooLarge, "document size limit reached");
        }
        decoding.readVarUint(decoder);
        const update = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        // Decoded in full before anything is applied: y-protocols' readSyncMessage logs and swallows
        // decoding errors, and Yjs integrates an update's structs before it reads its delete set, so a
        // truncated or garbled update would otherwise be half-applied and the connection left open.
        Y.decodeUpdate(update);
        // An update that starts past what the document has for some client would sit in Yjs's pending
        // structs forever (memory nobody frees); honest clients always send from the server's state.
        // Before the client's step 2 such an update is dropped, not refused: the step 2 carries it again.
        const isStep2 = subtype === syncProtocol.messageYjsSyncStep2;
        for (const [client, clock] of Y.parseUpdateMeta(update).from) {
          if (clock <= Y.getState(room.doc.store, client)) continue;
          if (!answeredStep1 && !isStep2) return null;
          throw new RefusedError(CloseCode.Malformed, "update with missing history");
        }
        if (isStep2) answeredStep1 = true;
        Y.applyUpdate(room.doc, update, conn);
        return null;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        expectEnd(decoder);
        // The public reads presence but never shows any: anonymous readers must not be able to
        // add names to the list, nor hold memory in the room, however many of them there are.
        if (access.role !== "public") room.acceptPresence(conn, update);
        return null;
      }
      case MESSAGE_QUERY_AWARENESS:
        expectEnd(decoder);
        room.sendAwarenessTo(conn);
        return null;
      default:
        throw new RefusedError(CloseCode.Malformed, "unknown message type");
    }
  };

  const ping = setInterval(() => {
    if (!alive) {
      room.removeConnection(conn);
      conn.terminate();
      return;
    }
    alive = false;
    conn.ping();
  }, PING_INTERVAL_MS);
  conn.on("pong", () => {
    alive = true;
  });
  // A token or cookie session that ends takes its connections with it (re-armed past setTimeout's range).
  let expiry: NodeJS.Timeout | null = null;
  const armExpiry = () => {
    if (access.expiresAt === null) return;
    const left = access.expiresAt - Date.now();
    if (left <= 0) return close(CloseCode.AccessChanged, "credential expired");
    expiry = setTimeout(armExpiry, Math.min(left, MAX_TIMER_MS));
  };
  conn.on("close", () => {
    clearInterval(ping);
    if (expiry) clearTimeout(expiry);
    room.removeConnection(conn);
  });
  conn.on("error", () => conn.terminate());

  room.addConnection(conn, access);
  armExpiry();
}

/** Component-wise minimum of two state vectors: a diff from it covers what either asked for. */
function smallestVector(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const min = new Map<number, number>();
  for (const [client, clock] of a) {
    const other = b.get(client);
    if (other !== undefined) min.set(client, Math.min(clock, other));
  }
  return min;
}

function step2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function encodeStateVector(vector: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, vector.size);
  for (const [client, clock] of vector) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** y-websocket messages never carry bytes after their content: anything more is a malformed frame. */
function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new RefusedError(CloseCode.Malformed, "trailing bytes");
}

class RefusedError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
