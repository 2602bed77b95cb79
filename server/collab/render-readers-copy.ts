import type Database from "better-sqlite3";
import type pg from "pg";
import * as Y from "yjs";
import { readSessionKind, readSessionPeople } from "../../lib/collab/session-people";
import type { SessionKind, TalkNotesDocument } from "../../lib/interchange/types";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { type NotesInterchangeMeta, notesToInterchange } from "../../lib/schema/notes-to-interchange";
import type { NotesStorage } from "./notes-storage";
import { ReadersCopyBlocks } from "./readers-copy-blocks";

/**
 * An instance without a document's render lease asks again this often, this
 * many times (a minute), in case the holder died before rendering the last
 * change: long enough for PostgreSQL to notice a dead connection (the lease
 * connection asks for 10 s keepalives).
 */
const LEASE_RETRY_MS = 2_000;
const LEASE_RETRIES = 30;

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
 *
 * A room's document (`render`) is rendered incrementally: each top-level
 * block's JSON is kept until an edit touches it (`ReadersCopyBlocks`), so a
 * render while someone types costs the changed thread, not the document.
 * Other documents (revisions, merges) are rendered whole.
 */
export class ReadersCopyRenderer {
  private readonly meta:
    ((sessionId: string) => MetaRow | undefined) | ((sessionId: string) => Promise<MetaRow | undefined>);
  private readonly synchronous: boolean;
  /** Renders asked for per session (PostgreSQL): a retry without the lease stops once a newer one is asked. */
  private readonly asked = new Map<string, number>();
  /** The last render of each session still in flight (PostgreSQL): the next one waits for it. */
  private readonly rendering = new Map<string, Promise<boolean>>();
  /** The blocks rendered so far of each live document this renderer renders (gone with the document). */
  private readonly blocks = new WeakMap<Y.Doc, ReadersCopyBlocks>();

  /**
   * `db`: SQLite (synchronous) or a PostgreSQL pool (the session's details are read before rendering).
   * `mayRender` (several instances): false when another instance renders this document
   * (server/collab/postgres-render-lease.ts), so its copy is rendered once, not once per instance.
   */
  constructor(
    db: Database.Database | pg.Pool,
    private readonly store: NotesStorage,
    private readonly mayRender?: (sessionId: string) => Promise<boolean>,
  ) {
    if ("prepare" in db) {
      const stmt = db.prepare(
        `SELECT s.title, s.kind, s.intro, s.startsAt, s.endsAt, s.room, s.track, s.slug,
                c.name AS confName, c.location, c.startsOn, c.hashtag, c.titleTemplate
           FROM "Session" s JOIN "Conference" c ON c.id = s.conferenceId WHERE s.id = ?`,
      );
      this.meta = (sessionId: string) => stmt.get(sessionId) as MetaRow | undefined;
      this.synchronous = true;
    } else {
      const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      this.meta = async (sessionId: string) =>
        (
          await db.query<MetaRow>(
            `SELECT s.title, s.kind, s.intro, ${iso(`s."startsAt"`)} AS "startsAt", ${iso(`s."endsAt"`)} AS "endsAt", s.room, s.track, s.slug,
                  c.name AS "confName", c.location, c."startsOn", c.hashtag, c."titleTemplate"
             FROM "Session" s JOIN "Conference" c ON c.id = s."conferenceId" WHERE s.id = $1`,
            [sessionId],
          )
        ).rows[0];
      this.synchronous = false;
    }
  }

  /** The talknotes/1 document of a live Y.Doc, or null when the session is gone (SQLite: synchronous). */
  toInterchange(sessionId: string, doc: Y.Doc): TalkNotesDocument | null {
    const row = this.meta(sessionId);
    if (row instanceof Promise) throw new Error("toInterchange reads SQLite: with PostgreSQL use render()");
    return row ? this.interchange(row, Y.encodeStateAsUpdate(doc)) : null;
  }

  /** The talknotes/1 document of a Y.Doc (either database), or null when the session is gone. */
  async interchangeOf(sessionId: string, doc: Y.Doc): Promise<TalkNotesDocument | null> {
    const state = Y.encodeStateAsUpdate(doc);
    const row = await this.meta(sessionId);
    return row ? this.interchange(row, state) : null;
  }

  /** The talknotes/1 document of a document state and the session's details. */
  private interchange(row: MetaRow, state: Uint8Array): TalkNotesDocument {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    try {
      return notesToInterchange(
        notesFromYDoc(copy),
        interchangeMeta(row, readSessionKind(copy), readSessionPeople(copy)),
      );
    } finally {
      copy.destroy();
    }
  }

  /**
   * The readers' copy of a live document as it is now, as JSON text once the session's details are
   * known: what changed since the last render is rendered now (so later edits cannot change it), the
   * rest is reused; a document only a full render handles is copied now and rendered whole.
   */
  private readersCopyOf(doc: Y.Doc): (row: MetaRow) => string {
    let blocks = this.blocks.get(doc);
    if (!blocks) {
      blocks = new ReadersCopyBlocks(doc);
      this.blocks.set(doc, blocks);
    }
    const json = blocks.blocksJson();
    if (json === null) {
      const state = Y.encodeStateAsUpdate(doc);
      return (row) => JSON.stringify(this.interchange(row, state));
    }
    const kind = readSessionKind(doc);
    const people = readSessionPeople(doc);
    return (row) => ReadersCopyBlocks.withBlocks(interchangeMeta(row, kind, people), json);
  }

  /**
   * Renders and stores the readers' copy: done on return with SQLite; with
   * PostgreSQL when the promise resolves (the state is copied first, so later
   * edits or an unload of the room cannot change what is rendered), to
   * true when it stored a new copy; false also when another instance holds
   * the document's render lease and renders it instead (unless `force`:
   * someone waits for this instance's copy, e.g. an export).
   */
  render(sessionId: string, doc: Y.Doc, writtenLater?: () => void, force = false): void | Promise<boolean> {
    if (this.synchronous) {
      const row = this.meta(sessionId) as MetaRow | undefined;
      if (row) void this.store.writeContent(sessionId, this.readersCopyOf(doc)(row));
      return;
    }
    const seq = (this.asked.get(sessionId) ?? 0) + 1;
    this.asked.set(sessionId, seq);
    return this.renderState(sessionId, this.readersCopyOf(doc), seq, 0, writtenLater, force);
  }

  /**
   * Renders `copy` (see `readersCopyOf`) in order after the session's previous render. Without
   * the lease it asks again a little later, as long as nothing newer was
   * asked for: the holder may be an instance that died before rendering
   * this change (PostgreSQL frees its lease when it notices), and nobody
   * else would render it until the next edit. A copy written by such a
   * retry is reported through `writtenLater`.
   */
  private renderState(
    sessionId: string,
    copy: (row: MetaRow) => string,
    seq: number,
    retries: number,
    writtenLater?: () => void,
    force = false,
  ): Promise<boolean> {
    const mine = force || (this.mayRender?.(sessionId) ?? true);
    // One render of a session at a time, in the order asked: two writes in flight on different pool
    // connections could otherwise commit an older copy last.
    const previous = this.rendering.get(sessionId) ?? Promise.resolve(false);
    const run = previous.then(async () => {
      if (!(await mine)) {
        if (retries < LEASE_RETRIES) {
          setTimeout(() => {
            if (this.asked.get(sessionId) !== seq) return;
            void this.renderState(sessionId, copy, seq, retries + 1, writtenLater).then(
              (written) => written && writtenLater?.(),
            );
          }, LEASE_RETRY_MS).unref();
        } else if (this.asked.get(sessionId) === seq) {
          this.asked.delete(sessionId);
        }
        return false;
      }
      const row = await this.meta(sessionId);
      // False: unchanged, or another instance with this document loaded stored the same copy first.
      return row ? (await this.store.writeContent(sessionId, copy(row))) !== false : false;
    });
    const settled = run.catch(() => false);
    this.rendering.set(sessionId, settled);
    void settled.then(() => {
      if (this.rendering.get(sessionId) === settled) this.rendering.delete(sessionId);
    });
    return run;
  }
}

/** The parts of talknotes/1 that do not live in the editor: the session's details, its kind and people from the document. */
function interchangeMeta(
  row: MetaRow,
  kind: SessionKind | null,
  people: ReturnType<typeof readSessionPeople>,
): NotesInterchangeMeta {
  return {
    conference: {
      name: row.confName,
      location: row.location,
      startsOn: row.startsOn,
      hashtag: row.hashtag,
      titleTemplate: row.titleTemplate,
    },
    session: {
      title: row.title,
      kind: kind ?? (row.kind as SessionKind),
      intro: row.intro,
      startsAt: isoOrNull(row.startsAt),
      endsAt: isoOrNull(row.endsAt),
      room: row.room,
      track: row.track,
      slug: row.slug,
    },
    people: people.map(({ position: _position, ...person }) => person),
  };
}

function isoOrNull(value: string | null): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
