import type Database from "better-sqlite3";
import * as Y from "yjs";
import { readSessionKind, readSessionPeople } from "../../lib/collab/session-people";
import type { SessionKind, TalkNotesDocument } from "../../lib/interchange/types";
import { notesFromYDoc } from "../../lib/schema/notesFromYDoc";
import { notesToInterchange } from "../../lib/schema/notesToInterchange";
import type { NotesStore } from "./notes-store";

interface MetaRow {
  title: string;
  kind: string;
  intro: string;
  startsAt: string | null;
  endsAt: string | null;
  room: string | null;
  track: string | null;
  slug: string;
  confName: string;
  location: string | null;
  startsOn: string | null;
  hashtag: string | null;
  titleTemplate: string | null;
}

/**
 * Renders the readers' copy of a live document — `talknotes/1` JSON in
 * `NotesDocument.contentJson` — so public pages, feeds and exports never load
 * Yjs or the editor. It reads a copy of the document: y-tiptap deletes
 * elements it cannot place in the schema, and the live document must never be
 * changed by a reader.
 */
export class ReadersCopyRenderer {
  private readonly meta;

  constructor(
    db: Database.Database,
    private readonly store: NotesStore,
  ) {
    this.meta = db.prepare(
      `SELECT s.title, s.kind, s.intro, s.startsAt, s.endsAt, s.room, s.track, s.slug,
              c.name AS confName, c.location, c.startsOn, c.hashtag, c.titleTemplate
         FROM "Session" s JOIN "Conference" c ON c.id = s.conferenceId WHERE s.id = ?`,
    );
  }

  /** The talknotes/1 document of a live Y.Doc, or null when the session is gone. */
  toInterchange(sessionId: string, doc: Y.Doc): TalkNotesDocument | null {
    const row = this.meta.get(sessionId) as MetaRow | undefined;
    if (!row) return null;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    try {
      return notesToInterchange(notesFromYDoc(copy), {
        conference: {
          name: row.confName,
          location: row.location,
          startsOn: row.startsOn,
          hashtag: row.hashtag,
          titleTemplate: row.titleTemplate,
        },
        session: {
          title: row.title,
          kind: readSessionKind(doc) ?? (row.kind as SessionKind),
          intro: row.intro,
          startsAt: isoOrNull(row.startsAt),
          endsAt: isoOrNull(row.endsAt),
          room: row.room,
          track: row.track,
          slug: row.slug,
        },
        people: readSessionPeople(doc).map(({ position: _position, ...person }) => person),
      });
    } finally {
      copy.destroy();
    }
  }

  /** Renders and stores the readers' copy. */
  render(sessionId: string, doc: Y.Doc): void {
    const document = this.toInterchange(sessionId, doc);
    if (document) this.store.writeContent(sessionId, JSON.stringify(document));
  }
}

function isoOrNull(value: string | null): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
