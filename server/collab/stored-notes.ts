import * as Y from "yjs";
import type { StoredNotes } from "./notes-store";

/**
 * What either store read for one document (its snapshot and the updates
 * stored after it) as `StoredNotes`: the log merged into one update beside the
 * snapshot (`parts`, what a room applies), and the whole state merged only if
 * someone asks for it (`state`), since merging a large snapshot with its log
 * costs more than applying it.
 */
export function storedNotes(
  generation: string,
  snapshot: Uint8Array | null,
  updates: readonly Uint8Array[],
): StoredNotes {
  const parts: Uint8Array[] = snapshot ? [snapshot] : [];
  if (updates.length > 0) parts.push(updates.length === 1 ? updates[0]! : Y.mergeUpdates([...updates]));
  let merged: Uint8Array | null | undefined;
  return {
    generation,
    get state() {
      merged ??= parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
      return merged;
    },
    parts,
    updatesSinceSnapshot: updates.length,
    storedBytes: (snapshot?.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0),
  };
}
