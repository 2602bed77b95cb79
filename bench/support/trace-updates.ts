import * as Y from "yjs";
import type { EditingTrace } from "./generate-editing-trace";

/**
 * Replays the first `count` edits of a trace into a fresh Y.Doc shaped like a
 * session's notes (one paragraph in the "notes" fragment) and returns the Yjs
 * updates a y-websocket client would send: one per transaction of
 * `editsPerUpdate` keystrokes (1 = one update per keystroke, as typing in the
 * editor produces). The first update creates the paragraph.
 */
export function traceUpdates(
  trace: EditingTrace,
  count: number,
  editsPerUpdate = 1,
): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText()]);
  doc.getXmlFragment("notes").insert(0, [paragraph]);
  const text = paragraph.get(0) as Y.XmlText;
  const n = Math.min(count, trace.length);
  for (let start = 0; start < n; start += editsPerUpdate) {
    doc.transact(() => {
      for (let i = start; i < Math.min(n, start + editsPerUpdate); i++) {
        if (trace.del[i]) text.delete(trace.pos[i]!, 1);
        else text.insert(trace.pos[i]!, String.fromCharCode(trace.chars[i]!));
      }
    });
  }
  return { updates, doc };
}
