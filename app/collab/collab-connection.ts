import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode, describeCloseCode } from "../../lib/collab/close-codes";
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

/** The session's shared document as the editor binds to it. */
export interface CollabDocument {
  doc: Y.Doc;
  provider: WebsocketProvider;
  sync: SyncStore;
}

/**
 * This device's copy of one session's document (in the browser: y-indexeddb plus the unload
 * journal, see indexeddb-local-copy.ts). It loads itself into the document it was opened on and
 * stores every later update of it; the connection keeps two values beside the updates.
 */
export interface LocalCopy {
  /** Transaction origin of what the copy loads into the document (not this device's new edits). */
  readonly origin: unknown;
  /** Settles once the stored copy is in the document (may never, when storage is unavailable). */
  readonly whenLoaded: Promise<unknown>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
  /** Applies edits an earlier page left unstored; returns their count of unconfirmed edits (0: none). */
  restoreUnstored(): number;
  /** Deletes the copy for good (it belongs to an older generation of the notes). */
  discard(): Promise<unknown>;
  /** Stops storing; what is stored stays for the next page. */
  close(): void;
}

/** Whether the device has a network at all, and when that changes (navigator.onLine and its events). */
export interface Network {
  online(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface CollabConnectionOptions {
  sessionId: string;
  /** The collaboration endpoint, e.g. `wss://notes.example/collab`. */
  collabUrl: string;
  /** Prefix of the HTTP API's URLs: "" in the browser (same origin), the server's origin elsewhere. */
  apiBase: string;
  /** Query parameters sent with every connection besides `gen` (a `token` for non-browser clients). */
  params?: Record<string, string>;
  /** How HTTP requests are made (default: the global fetch); a non-browser client adds its credentials. */
  fetch?: (url: string) => Promise<Response>;
  /** Opens this device's copy of the document; none when absent (edits then live in memory only). */
  openLocalCopy?: (doc: Y.Doc, pending: () => number) => LocalCopy;
  /** Default: the browser's navigator.onLine, or always online where there is no navigator.onLine. */
  network?: Network;
  /** Where there is no global WebSocket (Node 20). */
  WebSocketPolyfill?: typeof WebSocket;
  /** Longest wait between reconnection attempts (default 5 s). */
  maxBackoffTime?: number;
  /** No BroadcastChannel between tabs (default: tabs of one session share edits locally too). */
  disableBc?: boolean;
  /** Passed to the save tracker (tests shorten it). */
  probeDelayMs?: number;
}

/** Keys of the values kept next to the Yjs updates in the local copy. */
const GENERATION_KEY = "generation";
const PENDING_KEY = "pending";
/** Longest wait for the local copy before the editor opens anyway (IndexedDB can be unavailable). */
const LOCAL_COPY_TIMEOUT_MS = 3000;
/** Wait before coming back after the server closed this connection for sending too much too fast. */
const RATE_LIMIT_RETRY_MS = 2000;

/** navigator.onLine and its events where they exist; elsewhere (Node) the network is always there. */
function deviceNetwork(): Network {
  if (typeof window === "undefined" || typeof navigator === "undefined" || typeof navigator.onLine !== "boolean") {
    return { online: () => true, subscribe: () => () => {} };
  }
  return {
    online: () => navigator.onLine,
    subscribe(listener) {
      window.addEventListener("online", listener);
      window.addEventListener("offline", listener);
      return () => {
        window.removeEventListener("online", listener);
        window.removeEventListener("offline", listener);
      };
    },
  };
}

/** One incarnation of the document: replaced by a fresh one when the server says its generation is stale. */
interface Incarnation {
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: LocalCopy | null;
  tracker: SaveTracker | null;
  /** Nothing it does is shown any more (it is going away). */
  disposed: boolean;
  /** Its provider, local copy and document are closed. */
  released: boolean;
}

/**
 * The editor's connection to one session, without React: a local copy (typing works offline and
 * survives reloads) synced with the server over y-websocket, and what the note-taker is told about it.
 *
 * - **Generation check**: the local copy carries the notes' generation; it is sent as `?gen=`, and a
 *   server holding a different one closes with StaleGeneration before any sync, upon which the copy is
 *   deleted and the connection starts over with an empty document (`getDocument()` changes).
 * - **Save tracking** (save-tracker.ts): the count of this device's edits the server has not
 *   confirmed as stored, kept with the local copy so "Offline: unsaved changes" survives a reload.
 * - **Offline states**: no connection attempt while the device has no network, one at once when it
 *   returns; "reconnecting" while the network is up but the server is not.
 * - **Refusals**: a close code in 4400-4499 (read-only edits, too large, not found) ends the
 *   connection for good ("local-only", the reason in words); a changed access is checked and either
 *   reconnects as what the account now is or stops.
 *
 * React reads it through useSyncExternalStore: `subscribe` / `getSnapshot` for the status (the
 * snapshot changes only when the shown words do), `getDocument` for the document.
 */
export class CollabConnection implements SyncStore {
  private readonly options: CollabConnectionOptions;
  private readonly network: Network;
  private readonly listeners = new Set<() => void>();
  private snapshot: SyncSnapshot = { state: "connecting", pending: 0, problem: null };
  private document: CollabDocument | null = null;
  private current: Incarnation | null = null;
  private problem: string | null = null;
  private everConnected = false;
  private refused = false;
  private generationKnown = false;
  private storedPending = -1;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly unsubscribeNetwork: () => void;

  constructor(options: CollabConnectionOptions) {
    this.options = options;
    this.network = options.network ?? deviceNetwork();
    // navigator.onLine === false is reliable ("no network at all"): stop trying then, and retry
    // at once when the network returns rather than after the backoff.
    this.unsubscribeNetwork = this.network.subscribe(() => {
      const provider = this.current?.provider;
      if (!provider) return;
      if (!this.network.online()) {
        provider.disconnect();
      } else if (!provider.wsconnected && !this.refused) {
        provider.disconnect();
        provider.connect();
      }
      this.publish();
    });
    this.open();
  }

  readonly getSnapshot = (): SyncSnapshot => this.snapshot;

  /** The document and its provider once the local copy is loaded; a new one after a stale generation. */
  readonly getDocument = (): CollabDocument | null => this.document;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly pending = (): number => this.current?.tracker?.pending ?? 0;

  /** Closes the connection and the local copy (what it stored stays for the next page). */
  destroy(): void {
    this.destroyed = true;
    this.unsubscribeNetwork();
    if (this.retry) clearTimeout(this.retry);
    if (this.current) this.dispose(this.current);
    this.listeners.clear();
  }

  private stateNow(): SyncState {
    const provider = this.current?.provider;
    const tracker = this.current?.tracker;
    if (provider?.wsconnected && provider.synced && tracker?.caughtUp) return this.pending() === 0 ? "saved" : "saving";
    if (this.refused) return "local-only";
    if (!this.network.online()) return "offline";
    return this.everConnected ? "reconnecting" : "connecting";
  }

  private publish(): void {
    const incarnation = this.current;
    if (this.destroyed || !incarnation || incarnation.disposed) return;
    const pending = this.pending();
    if (pending !== this.storedPending && incarnation.local) {
      this.storedPending = pending;
      void incarnation.local.set(PENDING_KEY, pending).catch(() => undefined);
    }
    const state = this.stateNow();
    const shown = this.snapshot;
    if (state !== shown.state || this.problem !== shown.problem || pending > 0 !== shown.pending > 0) {
      this.snapshot = { state, pending, problem: this.problem };
    }
    if (!this.document || this.document.doc !== incarnation.doc) {
      this.document = { doc: incarnation.doc, provider: incarnation.provider, sync: this };
    }
    for (const listener of this.listeners) listener();
  }

  private generationUrl(): string {
    return `${this.options.apiBase}/api/sessions/${encodeURIComponent(this.options.sessionId)}/generation`;
  }

  private request(url: string): Promise<Response> {
    return (this.options.fetch ?? ((u: string) => fetch(u, { cache: "no-store" })))(url);
  }

  /** Starts an incarnation: an empty document, its local copy, and (once that is loaded) the connection. */
  private open(): void {
    const { sessionId, params = {} } = this.options;
    const doc = new Y.Doc();
    // Before the provider, so the copy's update handlers (the IndexedDB write, then the journal) run first.
    const local = this.options.openLocalCopy?.(doc, this.pending) ?? null;
    const provider = new WebsocketProvider(this.options.collabUrl, sessionId, doc, {
      connect: false,
      maxBackoffTime: this.options.maxBackoffTime ?? 5000,
      disableBc: this.options.disableBc ?? false,
      params,
      ...(this.options.WebSocketPolyfill ? { WebSocketPolyfill: this.options.WebSocketPolyfill } : {}),
    });
    const incarnation: Incarnation = { doc, provider, local, tracker: null, disposed: false, released: false };
    this.current = incarnation;
    this.everConnected = false;
    this.refused = false;
    this.generationKnown = false;
    this.storedPending = -1;
    const live = () => !this.destroyed && !incarnation.disposed;

    const adoptGeneration = (generation: string) => {
      this.generationKnown = true;
      provider.params = { ...params, gen: generation };
    };
    const learnGeneration = async () => {
      if (this.generationKnown) return;
      try {
        const res = await this.request(this.generationUrl());
        if (!res.ok || !live() || this.generationKnown) return;
        const { generation } = (await res.json()) as { generation: string };
        adoptGeneration(generation);
        await incarnation.local?.set(GENERATION_KEY, generation);
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
        this.everConnected = true;
        this.refused = false;
        this.problem = null;
        void learnGeneration();
      }
      this.publish();
    });
    provider.on("sync", () => this.publish());
    // The server closed us because our access changed (demoted, removed, signed out...). y-websocket
    // reconnects at once, which is right when some access remains (a demoted editor comes back
    // read-only); when none does, stop trying and keep the edits on this device.
    const checkAccess = async () => {
      try {
        const res = await this.request(this.generationUrl());
        if (!live() || ![401, 403, 404].includes(res.status)) return;
        this.refused = true;
        this.problem = describeCloseCode(CloseCode.NotFound);
        provider.disconnect();
        this.publish();
      } catch {
        // Offline: the reconnect will find out.
      }
    };
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) this.problem = describeCloseCode(event.code) ?? this.problem;
      if (event?.code === CloseCode.AccessChanged) void checkAccess();
      this.publish();
    });
    provider.on("closed", ({ code }: { code: number }) => {
      if (code === CloseCode.StaleGeneration) {
        // The session was re-created: this copy must never merge into it. Start over, empty.
        this.problem = describeCloseCode(code);
        incarnation.disposed = true;
        provider.disconnect();
        const discarded = incarnation.local?.discard() ?? Promise.resolve();
        incarnation.local = null;
        void discarded
          .catch(() => undefined)
          .finally(() => {
            this.dispose(incarnation);
            if (!this.destroyed) this.open();
          });
        return;
      }
      if (code === CloseCode.RateLimited) {
        this.retry = setTimeout(() => {
          this.retry = null;
          if (live() && this.network.online()) provider.connect();
        }, RATE_LIMIT_RETRY_MS);
      } else {
        this.refused = true;
      }
      this.publish();
    });

    const start = async () => {
      let generation: unknown;
      let pending: unknown;
      if (local) {
        const timeout = new Promise((resolve) => setTimeout(resolve, LOCAL_COPY_TIMEOUT_MS));
        await Promise.race([local.whenLoaded, timeout]);
        [generation, pending] = await Promise.all([
          local.get(GENERATION_KEY).catch(() => undefined),
          local.get(PENDING_KEY).catch(() => undefined),
        ]);
      }
      if (!live()) return;
      // Edits a page of this session unloaded with before the local copy committed them, and its count.
      const journaledPending = local?.restoreUnstored() ?? 0;
      this.storedPending = Math.max(typeof pending === "number" ? pending : 0, journaledPending);
      incarnation.tracker = trackSaves(provider, {
        initialPending: this.storedPending,
        remoteOrigins: local ? [local.origin] : [],
        probeDelayMs: this.options.probeDelayMs,
        onChange: () => this.publish(),
      });
      if (typeof generation === "string") adoptGeneration(generation);
      if (this.network.online()) provider.connect();
      this.publish();
    };
    void start();
  }

  private dispose(incarnation: Incarnation): void {
    incarnation.disposed = true;
    if (incarnation.released) return;
    incarnation.released = true;
    incarnation.tracker?.destroy();
    incarnation.provider.destroy();
    incarnation.local?.close();
    incarnation.doc.destroy();
  }
}
