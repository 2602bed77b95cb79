import { nowMicros } from "./now-micros";

/**
 * The text one benchmark edit inserts: which editor, its sequence number and
 * the send time, e.g. `[e12#345@81234567890]`. Receivers find it in the raw
 * update bytes (Yjs stores inserted strings as UTF-8), so no receiver needs a
 * Y.Doc to measure latency. Edits append at the end of a text, so a marker is
 * never split by a later insert.
 */
export function editMarker(editor: number, seq: number, sentMicros: number = nowMicros()): string {
  return `[e${editor}#${seq}@${sentMicros}]`;
}
