import WebSocket from "ws";
import * as Y from "yjs";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import { MESSAGE_SYNC } from "../../lib/collab/message-types";
import { nextLoopbackAddress } from "./next-loopback-address";

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** "I have nothing": sync step 1 with an empty state vector. */
const STEP1 = syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()));
/** "You get nothing from me": sync step 2 with an empty update. */
const STEP2 = syncMessage((e) => syncProtocol.writeSyncStep2(e, new Y.Doc()));

/** The origin of the initial state applied to a lean editor's document: not sent back. */
const REMOTE = Symbol("remote");

export interface RawSyncClient {
  close(): void;
}

/**
 * A client that speaks the y-websocket sync protocol (y-protocols message
 * types) without keeping a document up to date: it asks for the document,
 * answers the server's sync step 1 with an empty step 2, and hands every
 * update's bytes to `onUpdate` without applying them. A thousand of these
 * cost a fraction of a thousand WebsocketProviders, so the load generator
 * measures the server, not itself. Awareness messages are ignored. Each
 * connects from its own loopback address (see nextLoopbackAddress).
 * Resolves once the initial sync arrived.
 *
 * With `doc` it is a lean editor: the initial state is applied to `doc`, and
 * every change made to `doc` afterwards is sent as a y-websocket update.
 * Other clients' updates are still only handed to `onUpdate`: an editor that
 * types into its own paragraph needs nothing of theirs to make valid
 * updates, and the server receives and sends exactly the bytes it would for
 * a WebsocketProvider, without the load generator applying 12,000 remote
 * updates a second into fifty documents on the server's machine.
 */
export function connectRawSyncClient(
  url: string,
  onUpdate: (update: Uint8Array, initial: boolean) => void,
  options: { doc?: Y.Doc; timeoutMs?: number } = {},
): Promise<RawSyncClient> {
  const { doc, timeoutMs = 20_000 } = options;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, localAddress: nextLoopbackAddress() });
    ws.binaryType = "nodebuffer";
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`raw client: no initial sync from ${url} in ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on("open", () => ws.send(STEP1));
    ws.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on("message", (data: Buffer) => {
      // Read by hand rather than with a lib0 decoder: two objects fewer per message, 60,000+ messages/s in
      // scenario 1. Message type and sync subtype are one-byte varuints (values < 128), then the update
      // as a varuint length and its bytes.
      if (data[0] !== MESSAGE_SYNC) return;
      const subtype = data[1];
      if (subtype === syncProtocol.messageYjsSyncStep1) {
        ws.send(STEP2);
        return;
      }
      let length = 0;
      let at = 2;
      for (let shift = 0; ; shift += 7) {
        const byte = data[at++]!;
        length += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      const update = data.subarray(at, at + length);
      const initial = subtype === syncProtocol.messageYjsSyncStep2;
      onUpdate(update, initial);
      if (initial) {
        clearTimeout(timer);
        if (doc) {
          Y.applyUpdate(doc, update, REMOTE);
          doc.on("update", (local: Uint8Array, origin: unknown) => {
            if (origin !== REMOTE) ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, local)));
          });
        }
        resolve({ close: () => ws.terminate() });
      }
    });
  });
}
