import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_SYNC } from "../../lib/collab/message-types";

/** A websocket to `/collab/<sessionId>` that speaks the protocol by hand: what a hostile or broken client sends. */
export interface RawCollabSocket {
  ws: WebSocket;
  /** Presence as this socket has heard it (every awareness message it received, applied). */
  awareness: awarenessProtocol.Awareness;
  /** Sync step 2 messages received so far, and the bytes of every message received. */
  step2s: number;
  bytesReceived: number;
  /** Resolves with the close code once the connection has closed. */
  closed: Promise<number>;
  send(frame: Uint8Array): void;
  /** Sends a sync step 1 (default state vector: "I have nothing", which asks for the whole document). */
  sendStep1(stateVector?: Uint8Array): void;
  /**
   * Sends a sync step 1 and waits for its step 2: the server has handled
   * everything this socket sent before, and sent it everything it broadcast before.
   */
  roundTrip(timeoutMs?: number): Promise<void>;
  /** Stops reading from the network (the server's writes pile up), or starts again. */
  pauseReading(): void;
  resumeReading(): void;
  close(): void;
}

/** Opens the socket (`query`: e.g. `?token=...`; `headers`: e.g. a cookie) and resolves once it is open; rejects on an HTTP refusal. */
export function openRawCollabSocket(
  wsUrl: string,
  sessionId: string,
  options: { query?: string; localAddress?: string; headers?: Record<string, string> } = {},
): Promise<RawCollabSocket> {
  const ws = new WebSocket(`${wsUrl}/${sessionId}${options.query ?? ""}`, {
    localAddress: options.localAddress,
    headers: options.headers,
    perMessageDeflate: false,
  });
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  let step2Waiters: Array<() => void> = [];
  const closed = new Promise<number>((resolve) =>
    ws.on("close", (code) => {
      awareness.destroy();
      doc.destroy();
      resolve(code);
    }),
  );
  ws.on("error", () => undefined);
  const socket: RawCollabSocket = {
    ws,
    awareness,
    step2s: 0,
    bytesReceived: 0,
    closed,
    send: (frame) => ws.send(frame),
    sendStep1: (stateVector = new Uint8Array([0])) => ws.send(syncStep1Frame(stateVector)),
    roundTrip(timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no sync step 2 in time")), timeoutMs);
        step2Waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        ws.send(syncStep1Frame(new Uint8Array([0])));
      });
    },
    pauseReading: () => (ws as unknown as { _socket: import("node:net").Socket })._socket.pause(),
    resumeReading: () => (ws as unknown as { _socket: import("node:net").Socket })._socket.resume(),
    close: () => ws.close(),
  };
  ws.on("message", (data: Buffer) => {
    socket.bytesReceived += data.byteLength;
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === 1) awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), "server");
    if (type === 0 && decoding.readVarUint(decoder) === 1) {
      socket.step2s += 1;
      const [next, ...rest] = step2Waiters;
      step2Waiters = rest;
      next?.();
    }
  });
  return new Promise((resolve, reject) => {
    ws.on("open", () => resolve(socket));
    ws.on("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}
