import type Database from "better-sqlite3";
import type * as Y from "yjs";
import type { NotesStore } from "./notes-store";

/**
 * Renders the readers' copy (canonical JSON) of a live document into SQLite,
 * so public pages and exports never need to load Yjs.
 */
export function renderReadersCopy(store: NotesStore, _db: Database.Database, sessionId: string, doc: Y.Doc): void {
  const fragment = doc.getXmlFragment("notes");
  store.writeContent(sessionId, JSON.stringify({ text: fragment.toString() }));
}
