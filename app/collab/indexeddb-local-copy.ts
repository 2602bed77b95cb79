import { IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";
import type { LocalCopy } from "./collab-connection";
import { journalUnstoredEdits } from "./journal-unstored-edits";

/**
 * The browser's copy of one session's document: y-indexeddb (one IndexedDB database per session,
 * `talknotes:<session>`) plus the unload journal that covers the writes IndexedDB had not committed
 * when a page went away. `pending` is the connection's count of unconfirmed edits, journaled with them.
 */
export function openIndexeddbCopy(doc: Y.Doc, sessionId: string, pending: () => number): LocalCopy {
  const persistence = new IndexeddbPersistence(`talknotes:${sessionId}`, doc);
  // After `persistence`, so its update handler runs after y-indexeddb's write (see journalUnstoredEdits).
  const journal = journalUnstoredEdits(doc, persistence, sessionId, pending);
  return {
    origin: persistence,
    whenLoaded: persistence.whenSynced,
    get: (key) => persistence.get(key),
    set: (key, value) => persistence.set(key, value as string | number | ArrayBuffer | Date),
    restoreUnstored: () => journal.restore(),
    discard() {
      journal.destroy({ discard: true });
      return persistence.clearData();
    },
    close() {
      journal.destroy();
      void persistence.destroy();
    },
  };
}
