import type * as Y from "yjs";
import type { NotesStore } from "./notes-store";
import type { NotesStorage } from "./notes-storage";
import type { ReadersCopyRenderer } from "./render-readers-copy";
import type { Room } from "./room";

/**
 * What code working on live documents beside the collab server (revisions in
 * notes-history.ts, merging in notes-merge.ts) needs of it. `CollabServer`
 * implements it; depending on this instead of the server keeps those files
 * out of an import cycle with collab-server.ts.
 */
export interface RoomHost {
  /** The loaded room of a session, loading it from either store when needed. */
  openRoom(sessionId: string): Promise<Room>;
  /** Runs `change` on the session's live document (loading it if needed), so every client sees it. */
  change(sessionId: string, change: (doc: Y.Doc) => void): void;
  /** The notes store, either database. */
  readonly storage: NotesStorage;
  /** The renderer given at construction, if any (on PostgreSQL it is). */
  readonly renderer: ReadersCopyRenderer | undefined;
  /** The SQLite store (throws on PostgreSQL, where `renderer` is given instead). */
  readonly store: NotesStore;
}
