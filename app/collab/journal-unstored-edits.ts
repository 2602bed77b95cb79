import { fromBase64, toBase64 } from "lib0/buffer";
import type { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

/** localStorage keys of unload journals: `<prefix><sessionId>:<page's Yjs client id>`. */
const KEY_PREFIX = "talknotes:unstored:";
/** Origin of the edits applied from a journal (y-indexeddb then stores them like any other). */
const JOURNAL_ORIGIN = Symbol("unload journal");
/** Unconfirmed updates kept one by one before they are merged into one (IndexedDB unavailable or slow). */
const MERGE_AT = 500;

interface JournalEntry {
  /** The page's edits that IndexedDB had not confirmed, as one Yjs update (base64). */
  update: string;
  /** That page's count of edits not yet confirmed by the server (see save-tracker.ts). */
  pending: number;
}

export interface UnloadJournal {
  /**
   * Applies what pages of this session left in their journals when they unloaded, and returns the
   * largest count of server-unconfirmed edits among them (0 when there was none). Call once the local
   * copy has loaded, before anything counts this page's own edits.
   */
  restore(): number;
  /** Stops journaling; `discard` also deletes this session's journals (the local copy was stale). */
  destroy(options?: { discard?: boolean }): void;
}

/**
 * Keeps the edits IndexedDB has not yet committed where a page that unloads cannot lose them.
 *
 * y-indexeddb writes each Yjs update in its own IndexedDB transaction, which commits a moment later
 * (a round trip to the browser's storage thread, longer under load). Chromium aborts a page's
 * unfinished transactions when it unloads, so a reload right after the last keystrokes lost them:
 * offline, those words existed nowhere else. So every update is also held here until a read/write
 * transaction on the same stores, created after it, completes (IndexedDB runs overlapping read/write
 * transactions in creation order, so by then the update is committed). When the page is hidden or
 * unloads, what is still held is written synchronously to localStorage, one key per page (tabs of the
 * same session never overwrite each other), together with the count of unconfirmed edits the status
 * shows. The next page of the session applies those journals after loading the local copy (Yjs
 * updates are idempotent) and deletes them once IndexedDB has committed them.
 */
export function journalUnstoredEdits(
  doc: Y.Doc,
  local: IndexeddbPersistence,
  sessionId: string,
  pending: () => number,
): UnloadJournal {
  const sessionPrefix = `${KEY_PREFIX}${sessionId}:`;
  const ownKey = `${sessionPrefix}${doc.clientID}`;
  let held: Uint8Array[] = [];
  /** Journals restored from earlier pages, deleted once IndexedDB has what they held. */
  let restored: Array<{ key: string; value: string }> = [];
  let checking = false;
  let stopped = false;

  const storage = (): Storage | null => {
    try {
      return window.localStorage;
    } catch {
      return null; // Storage disabled: IndexedDB alone, as before.
    }
  };

  /** Deletes the journals read by restore(), unless their tab has rewritten them since. */
  const dropRestored = (journals: Array<{ key: string; value: string }>) => {
    const store = storage();
    for (const { key, value } of journals) if (store?.getItem(key) === value) store.removeItem(key);
    restored = restored.filter((journal) => !journals.includes(journal));
  };

  // Everything held or restored when this transaction was created is committed once it completes.
  const checkpoint = () => {
    const db = local.db;
    if (checking || stopped || !db || (held.length === 0 && restored.length === 0)) return;
    const covered = held.length;
    const coveredJournals = restored;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(["updates", "custom"], "readwrite");
    } catch {
      return; // The connection is closing (the editor is going away): the unload write covers it.
    }
    checking = true;
    tx.oncomplete = () => {
      checking = false;
      held = held.slice(covered);
      dropRestored(coveredJournals);
      if (held.length === 0) storage()?.removeItem(ownKey);
      checkpoint();
    };
    tx.onabort = () => {
      checking = false;
    };
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // Same rule as y-indexeddb's own writes: it does not store what it loaded itself.
    if (origin === local) return;
    held.push(update);
    // Not while a checkpoint is in flight: it drops the first `covered` entries when it completes.
    if (held.length >= MERGE_AT && !checking) held = [Y.mergeUpdates(held)];
    // Registered after y-indexeddb's handler, so this transaction is created after its write.
    checkpoint();
  };
  doc.on("update", onUpdate);

  const writeJournal = () => {
    if (stopped || held.length === 0) return;
    const entry: JournalEntry = { update: toBase64(Y.mergeUpdates(held)), pending: pending() };
    try {
      storage()?.setItem(ownKey, JSON.stringify(entry));
    } catch {
      return; // Quota exceeded: nothing better can be done synchronously while the page goes away.
    }
    // What restored journals held and IndexedDB has not confirmed is held here too, now in this journal.
    dropRestored(restored);
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") writeJournal();
  };
  // pagehide covers reloads and navigations; a hidden phone tab may be discarded without one.
  window.addEventListener("pagehide", writeJournal);
  document.addEventListener("visibilitychange", onVisibility);
  void local.whenSynced.then(checkpoint);

  return {
    restore() {
      const store = storage();
      if (!store) return 0;
      let most = 0;
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (!key?.startsWith(sessionPrefix) || key === ownKey) continue;
        const value = store.getItem(key);
        if (value === null) continue;
        try {
          const entry = JSON.parse(value) as JournalEntry;
          Y.applyUpdate(doc, fromBase64(entry.update), JOURNAL_ORIGIN);
          most = Math.max(most, Number(entry.pending) || 0);
        } catch {
          // Unreadable: dropped below with the rest once the checkpoint completes.
        }
        restored.push({ key, value });
      }
      checkpoint();
      return most;
    },
    destroy({ discard = false } = {}) {
      if (!discard) writeJournal();
      stopped = true;
      doc.off("update", onUpdate);
      window.removeEventListener("pagehide", writeJournal);
      document.removeEventListener("visibilitychange", onVisibility);
      if (!discard) return;
      const store = storage();
      if (!store) return;
      const keys: string[] = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key?.startsWith(sessionPrefix)) keys.push(key);
      }
      for (const key of keys) store.removeItem(key);
    },
  };
}
