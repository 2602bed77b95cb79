import * as encoding from "lib0/encoding";
import { MESSAGE_AWARENESS } from "../../lib/collab/message-types";

/** A y-websocket awareness message (type 1) carrying these entries as they are: state null means "removed". */
export function awarenessFrame(entries: ReadonlyArray<{ id: number; clock: number; state: unknown }>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { id, clock, state } of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}
