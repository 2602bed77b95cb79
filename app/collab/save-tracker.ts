import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type { WebsocketProvider } from "y-websocket";
import { MESSAGE_SYNC } from "../../lib/collab/message-types";

export interface SaveTrackerOptions {
  /** Edits already waiting from an earlier page load (stored with the local copy). */
  initialPending?: number;
  /** Transaction origins that are not this device's edits (the provider itself is always one). */
  remoteOrigins?: readonly unknown[];
  /** How long after the first unconfirmed edit to ask the server for a confirmation. */
  probeDelayMs?: number;
  /** Called whenever `pending` or `caughtUp` changes. */
  onChange?: () => void;
}

export interface SaveTracker {
  /** This device's edits that the server has not yet confirmed as stored in SQLite. */
  readonly pending: number;
  /** This connection has answered the server's sync step 1, i.e. sent everything the server lacked. */
  readonly caughtUp: boolean;
  /** Stops tracking and restores the provider's own sync handler. */
  destroy(): void;
}

/**
 * Counts this device's edits until the server confirms they are durable,
 * using only the standard y-websocket protocol.
 *
 * The Talknotes server answers a client's sync step 1 only once everything it
 * has received so far is in SQLite (Room.whenStored), and it answers each
 * step 1 with exactly one step 2, in order. So after sending edits the tracker
 * sends a step 1 (a "probe") that remembers how many edits preceded it; the
 * matching step 2 confirms them. Unlike comparing state vectors this also
 * covers edits that only delete (they add no clock). Edits made while
 * disconnected are sent in the answer to the server's step 1 on reconnect,
 * and the probe goes out right after that answer.
 *
 * It also holds back live updates on a new socket until the server's step 1
 * is answered: until then the server may lack the history they build on (it
 * lost the last batch in a crash, or edits were made offline), and the Talknotes
 * server refuses updates with missing history. Nothing is lost: the answer to
 * its step 1 carries everything the server lacks, those edits included.
 */
export function trackSaves(provider: WebsocketProvider, options: SaveTrackerOptions = {}): SaveTracker {
  const { doc } = provider;
  const remote = new Set<unknown>([provider, ...(options.remoteOrigins ?? [])]);
  const probeDelayMs = options.probeDelayMs ?? 150;
  let made = options.initialPending ?? 0;
  let confirmed = 0;
  let probed = -1;
  let caughtUp = false;
  /** Marks of the step 1 messages sent on this connection, oldest first; null for the provider's own. */
  let awaiting: Array<number | null> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => options.onChange?.();

  const probe = () => {
    timer = null;
    const ws = provider.ws;
    if (!caughtUp || !ws || !provider.wsconnected || ws.readyState !== ws.OPEN) return;
    if (made <= confirmed || made <= probed) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
    awaiting.push(made);
    probed = made;
  };
  const schedule = (delay: number) => {
    timer ??= setTimeout(probe, delay);
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (remote.has(origin)) return;
    made += 1;
    schedule(probeDelayMs);
    changed();
  };
  doc.on("update", onUpdate);

  const original = provider.messageHandlers[MESSAGE_SYNC]!;
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    // Only websocket messages count (emitSynced); BroadcastChannel ones come from other tabs.
    const subtype = emitSynced ? decoding.peekVarUint(decoder) : -1;
    original(encoder, decoder, p, emitSynced, type);
    if (subtype === syncProtocol.messageYjsSyncStep1) {
      caughtUp = true;
      // After this handler returns the provider sends our step 2; the probe must follow it.
      queueMicrotask(probe);
      changed();
    } else if (subtype === syncProtocol.messageYjsSyncStep2) {
      const mark = awaiting.shift();
      if (typeof mark === "number" && mark > confirmed) confirmed = mark;
      if (made > confirmed) schedule(probeDelayMs);
      changed();
    }
  };

  const gate = (ws: WebSocket) => {
    const send = ws.send.bind(ws);
    ws.send = (data: Parameters<WebSocket["send"]>[0]) => {
      if (!caughtUp && isSyncUpdate(data)) return;
      send(data);
    };
  };

  const onStatus = ({ status }: { status: string }) => {
    if (status === "connecting" && provider.ws) gate(provider.ws);
    // A new socket starts with the provider's own step 1 in flight; anything unanswered on the old one is moot.
    awaiting = status === "connected" ? [null] : [];
    caughtUp = false;
    probed = -1;
    if (timer) clearTimeout(timer);
    timer = null;
    changed();
  };
  provider.on("status", onStatus);

  return {
    get pending() {
      return Math.max(0, made - confirmed);
    },
    get caughtUp() {
      return caughtUp;
    },
    destroy() {
      if (timer) clearTimeout(timer);
      doc.off("update", onUpdate);
      provider.off("status", onStatus);
      provider.messageHandlers[MESSAGE_SYNC] = original;
    },
  };
}

/** A y-websocket sync "update" message (type 0, subtype 2; both single-byte varuints). */
function isSyncUpdate(data: unknown): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  return bytes !== null && bytes[0] === MESSAGE_SYNC && bytes[1] === syncProtocol.messageYjsUpdate;
}
