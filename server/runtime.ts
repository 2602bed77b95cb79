import type { CollabServer } from "./collab/collab-server";
import type { LiveHub } from "./live/live-hub";
import type { PublicPageCache } from "./reader/public-page-cache";

/**
 * Services started by server/index.ts that Next's route code also needs: only
 * the running server has them (null elsewhere). The stores, which every
 * process has, are getStores()'s (server/get-stores.ts).
 */
export interface Runtime {
  collab: CollabServer;
  /** Live readers of public session pages (Server-Sent Events fan-out). */
  live: LiveHub;
  /** Public session pages answered by the entry point before Next (the route handler fills it). */
  publicPages: PublicPageCache | null;
  /** Runs the queued automatic publishes; `kick` after queueing some. */
  autoPublish: { kick(): void };
  /** Re-reads these sessions' people from the database into their live documents, on every instance (after a server-side change). */
  resyncSessionPeople(sessionIds: readonly string[]): void;
}

const holder = globalThis as unknown as { __talknotesRuntime?: Runtime };

/** Registers the running services (called once by the server entry). */
export function setRuntime(runtime: Runtime): void {
  holder.__talknotesRuntime = runtime;
}

/**
 * The running services, shared through globalThis because the custom server and
 * Next's bundled server code are separate module graphs in one process.
 * Null when code runs outside the server (e.g. the CLI).
 */
export function getRuntime(): Runtime | null {
  return holder.__talknotesRuntime ?? null;
}
