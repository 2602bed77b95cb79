import * as Y from "yjs";
import type { LocalCopy } from "../../app/collab/collab-connection";

/** A LocalCopy kept in memory, and what the connection did with it. */
export interface MemoryLocalCopy extends LocalCopy {
  /** The values the connection kept beside the document (generation, pending count). */
  values: Map<string, unknown>;
  discarded: boolean;
  closed: boolean;
}

/**
 * This device's copy of a document without IndexedDB (Node has none): `stored` is what an earlier
 * page left in it, loaded into `doc` as the browser's copy would be. The browser's own copy
 * (app/collab/indexeddb-local-copy.ts) is exercised by the e2e specs.
 */
export function memoryLocalCopy(
  doc: Y.Doc,
  stored: { update?: Uint8Array; values?: Record<string, unknown> } = {},
): MemoryLocalCopy {
  const copy: MemoryLocalCopy = {
    origin: Symbol("memory local copy"),
    whenLoaded: Promise.resolve(),
    values: new Map(Object.entries(stored.values ?? {})),
    discarded: false,
    closed: false,
    get: async (key) => copy.values.get(key),
    set: async (key, value) => copy.values.set(key, value),
    restoreUnstored: () => 0,
    discard: async () => {
      copy.discarded = true;
      copy.values.clear();
    },
    close: () => {
      copy.closed = true;
    },
  };
  if (stored.update) Y.applyUpdate(doc, stored.update, copy.origin);
  return copy;
}
