import * as Y from "yjs";
import { readSessionPeople, writeSessionPerson } from "../../lib/collab/session-people";
import { renderHtmlFragment } from "../../lib/export/render-html";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { seedYDocFromNotes } from "../../lib/schema/seed-ydoc-from-notes";
import type { RevisionSummary } from "./notes-store";
import { ReadersCopyRenderer } from "./render-readers-copy";
import type { RoomHost } from "./room-host";

/**
 * Revisions of the notes: named on demand, rendered read-only, restored as a
 * new edit. Lives with the collab server (and is reached through it from
 * route code) because it must run in the server's module graph: ProseMirror
 * and y-tiptap loaded twice (once bundled by Next) refuse each other's nodes.
 */
export class NotesHistory {
  constructor(private readonly collab: RoomHost) {}

  /** A session's revisions, newest first. */
  async list(sessionId: string): Promise<RevisionSummary[]> {
    return this.collab.storage.listRevisions(sessionId);
  }

  /** Takes a named revision of the live document now; `author` joins its authors. */
  async takeNamed(sessionId: string, name: string, author?: string): Promise<RevisionSummary> {
    const room = await this.collab.openRoom(sessionId);
    const revision = await room.recordRevision("named", name, author ? [author] : []);
    room.releaseIfEmpty();
    return revision;
  }

  /** One revision rendered as the HTML fragment readers would see, or null when unknown. */
  async view(sessionId: string, revisionId: string): Promise<{ revision: RevisionSummary; html: string } | null> {
    const stored = await this.collab.storage.getRevision(sessionId, revisionId);
    if (!stored) return null;
    const { state, ...revision } = stored;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      const renderer = this.collab.renderer ?? new ReadersCopyRenderer(this.collab.store.db, this.collab.store);
      const document = await renderer.interchangeOf(sessionId, doc);
      return document ? { revision, html: renderHtmlFragment(document) } : null;
    } finally {
      doc.destroy();
    }
  }

  /**
   * Restores a revision as a new edit on top of the live document: the notes
   * become the revision's notes (a diff, so it syncs to every editor like any
   * other change), people it attributes who have since left the session are
   * put back, and the result is recorded as a "restore" revision. The state it
   * replaces is kept as a revision first. Null when the revision is unknown.
   */
  async restore(sessionId: string, revisionId: string, author?: string): Promise<RevisionSummary | null> {
    const stored = await this.collab.storage.getRevision(sessionId, revisionId);
    if (!stored) return null;
    const room = await this.collab.openRoom(sessionId);
    const source = new Y.Doc();
    try {
      Y.applyUpdate(source, stored.state);
      const notes = notesFromYDoc(source).toJSON();
      const people = readSessionPeople(source);
      if (room.editedSinceRevision) await room.recordRevision("auto", null);
      this.collab.change(sessionId, (doc) => {
        seedYDocFromNotes(doc, notes);
        const present = new Set(readSessionPeople(doc).map((p) => p.id));
        for (const { id, position, ...p } of people) {
          if (present.has(id)) continue;
          writeSessionPerson(doc, id, {
            name: p.name,
            role: p.role,
            position,
            affiliation: p.affiliation ?? null,
            note: p.note ?? null,
            handle: p.handle ?? null,
            aliases: p.aliases ?? [],
          });
        }
      });
      const label = stored.name ? `“${stored.name}”` : `the revision of ${stored.createdAt}`;
      return await room.recordRevision("restore", `Restored ${label}`, author ? [author] : []);
    } finally {
      source.destroy();
    }
  }
}
