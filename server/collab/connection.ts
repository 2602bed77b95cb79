import type { WebSocket, RawData } from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode } from "../../lib/collab/close-codes";
import { COLLAB_LIMITS } from "../../lib/collab/limits";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, type Room, send } from "./room";

export interface ConnectionAccess {
  /** Read-only connections get the document and presence, but their edits are refused. */
  readOnly: boolean;
}

/** An empty Yjs update (no structs, empty delete set): what a reader's sync step 2 looks like. */
const EMPTY_UPDATE_BYTES = 2;
const MAX_REFUSED_EDITS = 3;
const PING_INTERVAL_MS = 30_000;

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

  const close = (code: number, reason: string) => {
    room.removeConnection(conn);
    conn.close(code, reason);
  };

  conn.on("message", (data: RawData, isBinary: boolean) => {
    const now = Date.now();
    tokens = Math.min(COLLAB_LIMITS.messageBurst, tokens + ((now - lastRefill) / 1000) * COLLAB_LIMITS.messagesPerSecond);
    lastRefill = now;
    if (tokens < 1) return close(CloseCode.RateLimited, "rate limited");
    tokens -= 1;
    if (!isBinary) return close(CloseCode.Malformed, "binary frames only");
    const message = toUint8Array(data);
    try {
      const reply = handleMessage(message);
      if (reply) send(conn, reply);
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
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        const subtype = decoding.peekVarUint(decoder);
        if (subtype === syncProtocol.messageYjsSyncStep1) {
          // Answered only once everything received so far is in SQLite: the reply to a
          // client's step 1 doubles as "your edits before this are durable" (see Room.whenStored).
          decoding.readVarUint(decoder);
          const stateVector = decoding.readVarUint8Array(decoder);
          Y.decodeStateVector(stateVector); // throws on garbage now, not later inside a timer
          expectEnd(decoder);
          room.whenStored(() => {
            try {
              syncProtocol.writeSyncStep2(encoder, room.doc, stateVector);
              send(conn, encoding.toUint8Array(encoder));
            } catch {
              close(CloseCode.Malformed, "malformed message");
            }
          });
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
        awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn);
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
  conn.on("close", () => {
    clearInterval(ping);
    room.removeConnection(conn);
  });
  conn.on("error", () => conn.terminate());

  room.addConnection(conn);
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
