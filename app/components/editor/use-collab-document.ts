"use client";

import { useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode, describeCloseCode } from "@/lib/collab/close-codes";
import { journalUnstoredEdits } from "./journal-unstored-edits";
import { registerServiceWorker } from "./register-service-worker";
import { type SaveTracker, trackSaves } from "./save-tracker";

/**
 * Where the note-taker's words are:
 * - saved: the server confirmed every edit of this device is in SQLite;
 * - saving: connected, the last edits are on their way (normally < 200 ms);
 * - offline: the browser has no network; edits are kept on this device;
 * - reconnecting: the network is up but the server is not reachable yet;
 * - local-only: the server refused this tab for good (see `problem`); edits stay on this device;
 * - connecting: first connection of this page, nothing known yet.
 */
export type SyncState = "saved" | "saving" | "offline" | "reconnecting" | "local-only" | "connecting";

/** What the sync status shows. */
export interface SyncSnapshot {
  state: SyncState;
  /**
   * This device's edits the server has not confirmed as stored, as of the last change of what is
   * shown (the state, the problem, or whether any edit is pending): not refreshed on every edit.
   */
  pending: number;
  /** Why the server last closed the connection, in words, if it said. */
  problem: string | null;
}

/**
 * The sync status as an external store (for useSyncExternalStore). Every local edit changes the
 * pending count; a React state change per keystroke would commit the whole editor and walk its DOM,
 * so the snapshot changes only when what is shown changes, and the exact count is read on demand.
 */
export interface SyncStore {
  getSnapshot(): SyncSnapshot;
  /** Called on every change, the exact pending count included. */
  subscribe(listener: () => void): () => void;
  /** This device's edits the server has not confirmed as stored, right now. */
  pending(): number;
}

export interface CollabDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  sync: SyncStore;
}

/** Keys of the values kept next to the Yjs updates in the session's IndexedDB database. */
const GENERATION_KEY = "generation";
const PENDING_KEY = "pending";
/** Longest wait for the local copy before the editor opens anyway (IndexedDB can be unavailable). */
const LOCAL_COPY_TIMEOUT_MS = 3000;

/**
 * One session's shared document: a local copy in IndexedDB (typing works
 * offline and survives reloads) synced with the server over y-websocket.
 *
 * The local copy carries the notes' generation; it is sent as `?gen=` and a
 * server holding a different generation closes with StaleGeneration before
 * any sync, upon which the copy is deleted and the document reloaded fresh.
 * The count of unconfirmed edits is stored with the copy too, so "Offline: 37
 * edits on this device" survives a reload.
 */
export function useCollabDocument(sessionId: string): CollabDocument | null {
  const [collab, setCollab] = useState<CollabDocument | null>(null);
  // Bumped to start over with an empty local copy after the server said it is stale.
  const [epoch, setEpoch] = useState(0);
  const carriedProblem = useRef<string | null>(null);

  useEffect(() => {
    registerServiceWorker();
  }, []);

  useEffect(() => {
    let disposed = false;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`talknotes:${sessionId}`, doc);
    // After `local`, so its update handler runs after y-indexeddb's write (see journalUnstoredEdits).
    const journal = journalUnstoredEdits(doc, local, sessionId, () => tracker?.pending ?? 0);
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const provider = new WebsocketProvider(`${scheme}//${window.location.host}/collab`, sessionId, doc, {
      connect: false,
      maxBackoffTime: 5000,
    });
    let tracker: SaveTracker | null = null;
    let problem = carriedProblem.current;
    carriedProblem.current = null;
    let everConnected = false;
    let refused = false;
    let generationKnown = false;
    let storedPending = -1;

    const stateNow = (): SyncState => {
      const pending = tracker?.pending ?? 0;
      if (provider.wsconnected && provider.synced && tracker?.caughtUp) return pending === 0 ? "saved" : "saving";
      if (refused) return "local-only";
      if (!navigator.onLine) return "offline";
      return everConnected ? "reconnecting" : "connecting";
    };
    const listeners = new Set<() => void>();
    let snapshot: SyncSnapshot = { state: "connecting", pending: 0, problem };
    const sync: SyncStore = {
      getSnapshot: () => snapshot,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      pending: () => tracker?.pending ?? 0,
    };
    const value: CollabDocument = { doc, provider, sync };
    let shown = false;
    const publish = () => {
      if (disposed) return;
      const pending = tracker?.pending ?? 0;
      if (pending !== storedPending) {
        storedPending = pending;
        void local.set(PENDING_KEY, pending).catch(() => undefined);
      }
      const state = stateNow();
      if (state !== snapshot.state || problem !== snapshot.problem || pending > 0 !== snapshot.pending > 0) {
        snapshot = { state, pending, problem };
      }
      for (const listener of listeners) listener();
      if (!shown) {
        shown = true;
        setCollab(value);
      }
    };

    const learnGeneration = async () => {
      if (generationKnown) return;
      try {
        const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/generation`, { cache: "no-store" });
        if (!res.ok || disposed || generationKnown) return;
        const { generation } = (await res.json()) as { generation: string };
        generationKnown = true;
        provider.params = { gen: generation };
        await local.set(GENERATION_KEY, generation);
      } catch {
        // Offline: asked again on the next connection.
      }
    };

    provider.on("status", ({ status }: { status: string }) => {
      if (status === "connected") {
        // When this tab last left, everyone marked its presence removed at its clock + 1; announce
        // it at + 2 so the server and co-editors accept it again at once (not after the 30 s renewal).
        const presence = provider.awareness.getLocalState();
        if (presence) {
          provider.awareness.setLocalState(presence);
          provider.awareness.setLocalState(presence);
        }
        everConnected = true;
        refused = false;
        problem = null;
        void learnGeneration();
      }
      publish();
    });
    provider.on("sync", publish);
    // The server closed us because our access changed (demoted, removed, signed out...). y-websocket
    // reconnects at once, which is right when some access remains (a demoted editor comes back
    // read-only); when none does, stop trying and keep the edits on this device.
    const checkAccess = async () => {
      try {
        const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/generation`, { cache: "no-store" });
        if (disposed || ![401, 403, 404].includes(res.status)) return;
        refused = true;
        problem = describeCloseCode(CloseCode.NotFound);
        provider.disconnect();
        publish();
      } catch {
        // Offline: the reconnect will find out.
      }
    };
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) problem = describeCloseCode(event.code) ?? problem;
      if (event?.code === CloseCode.AccessChanged) void checkAccess();
      publish();
    });
    provider.on("closed", ({ code }: { code: number }) => {
      if (code === CloseCode.StaleGeneration) {
        // The session was re-created: this copy must never merge into it. Start over, empty.
        carriedProblem.current = describeCloseCode(code);
        disposed = true;
        provider.disconnect();
        journal.destroy({ discard: true });
        void local.clearData().finally(() => setEpoch((e) => e + 1));
        return;
      }
      if (code === CloseCode.RateLimited) {
        setTimeout(() => !disposed && navigator.onLine && provider.connect(), 2000);
      } else {
        refused = true;
      }
      publish();
    });

    // navigator.onLine === false is reliable ("no network at all"): stop trying then, and retry
    // at once when the network returns rather than after the backoff.
    const goOffline = () => {
      provider.disconnect();
      publish();
    };
    const goOnline = () => {
      if (!provider.wsconnected && !refused) {
        provider.disconnect();
        provider.connect();
      }
      publish();
    };
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);

    const start = async () => {
      const timeout = new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_TIMEOUT_MS));
      await Promise.race([local.whenSynced, timeout]);
      const [generation, pending] = await Promise.all([
        local.get(GENERATION_KEY).catch(() => undefined),
        local.get(PENDING_KEY).catch(() => undefined),
      ]);
      if (disposed) return;
      // Edits a page of this session unloaded with before IndexedDB committed them, and its count.
      const journaledPending = journal.restore();
      storedPending = Math.max(typeof pending === "number" ? pending : 0, journaledPending);
      tracker = trackSaves(provider, { initialPending: storedPending, remoteOrigins: [local], onChange: publish });
      if (typeof generation === "string") {
        generationKnown = true;
        provider.params = { gen: generation };
      }
      if (navigator.onLine) provider.connect();
      publish();
    };
    void start();

    return () => {
      disposed = true;
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      journal.destroy();
      tracker?.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [sessionId, epoch]);

  return collab;
}
