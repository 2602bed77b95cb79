import type Database from "better-sqlite3";
import type * as Y from "yjs";
import {
  PEOPLE_MAP,
  PERSON_ID,
  SESSION_MAP,
  SessionPersonEntry,
  readSessionKind,
} from "../../lib/collab/session-people";
import { parseAliases } from "../data/parse-aliases";
import type { Room } from "./room";

/** Transaction origin of changes the server makes to a document (never mirrored back to SQLite). */
export const SERVER_ORIGIN = "server";

export interface PersonRow {
  id: string;
  name: string;
  affiliation: string | null;
  note: string | null;
  handle: string | null;
  aliases: string;
  role: string;
  position: number;
}

/**
 * Keeps a session's shared people map and the Person / SessionPerson tables in
 * step. SQLite -> document when a room loads (so a rename made elsewhere shows
 * up); document -> SQLite whenever a co-editor adds, edits or removes a person
 * (so speaker pages, exports and other sessions' autocomplete see them). A
 * rename is pushed into every other loaded room that has the person.
 */
export class SessionPeopleSync {
  private readonly stmts;

  constructor(
    private readonly db: Database.Database,
    private readonly loadedRooms: () => Iterable<Room>,
  ) {
    this.stmts = {
      sessionPeople: db.prepare(
        `SELECT p.id, p.name, p.affiliation, p.note, p.handle, p.aliases, sp.role, sp.position
           FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp.personId WHERE sp.sessionId = ?`,
      ),
      session: db.prepare(`SELECT conferenceId, kind FROM "Session" WHERE id = ?`),
      personConference: db.prepare(`SELECT conferenceId FROM "Person" WHERE id = ?`),
      upsertPerson: db.prepare(
        `INSERT INTO "Person" (id, conferenceId, name, affiliation, note, handle, aliases, createdAt, updatedAt)
         VALUES (@id, @conferenceId, @name, @affiliation, @note, @handle, @aliases, @now, @now)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, affiliation = excluded.affiliation, note = excluded.note,
           handle = excluded.handle, aliases = excluded.aliases, updatedAt = excluded.updatedAt`,
      ),
      upsertRole: db.prepare(
        `INSERT INTO "SessionPerson" (sessionId, personId, role, position) VALUES (?, ?, ?, ?)
         ON CONFLICT(sessionId, personId) DO UPDATE SET role = excluded.role, position = excluded.position`,
      ),
      removeRole: db.prepare(`DELETE FROM "SessionPerson" WHERE sessionId = ? AND personId = ?`),
      setKind: db.prepare(`UPDATE "Session" SET kind = ?, updatedAt = ? WHERE id = ?`),
    };
  }

  /** Called once per room, right after it loaded: reconcile, then mirror every later change. */
  bind(room: Room): void {
    const { doc, sessionId } = room;
    const session = this.stmts.session.get(sessionId) as { conferenceId: string; kind: string } | undefined;
    if (!session) return;
    this.reconcile(room);
    if (readSessionKind(doc) !== session.kind) this.persistKind(doc, sessionId);

    doc.getMap<unknown>(PEOPLE_MAP).observe((event, tr) => {
      if (tr.origin === SERVER_ORIGIN || tr.origin === room) return;
      this.persist(room, session.conferenceId, [...event.keysChanged]);
    });
    doc.getMap(SESSION_MAP).observe((_event, tr) => {
      if (tr.origin !== SERVER_ORIGIN) this.persistKind(doc, sessionId);
    });
  }

  /**
   * Makes the document's people map say what SQLite says. Every change a
   * co-editor makes is written to SQLite as it arrives, so an entry that is
   * in the document but not in SQLite was removed on the server side (e.g. by
   * a schedule re-import) and is removed from the document too.
   */
  reconcile(room: Room): void {
    const { doc, sessionId } = room;
    const session = this.stmts.session.get(sessionId) as { conferenceId: string; kind: string } | undefined;
    if (!session) return;
    const people = doc.getMap<unknown>(PEOPLE_MAP);
    const rows = this.stmts.sessionPeople.all(sessionId) as PersonRow[];
    const inDatabase = new Set(rows.map((r) => r.id));
    doc.transact(() => {
      for (const row of rows) {
        const entry = entryFromRow(row);
        if (!sameEntry(people.get(row.id), entry)) people.set(row.id, entry);
      }
      for (const id of [...people.keys()]) if (!inDatabase.has(id)) people.delete(id);
      if (readSessionKind(doc) === null) doc.getMap<unknown>(SESSION_MAP).set("kind", session.kind);
    }, SERVER_ORIGIN);
  }

  private persistKind(doc: Y.Doc, sessionId: string): void {
    const kind = readSessionKind(doc);
    if (kind) this.stmts.setKind.run(kind, new Date().toISOString(), sessionId);
  }

  private persist(room: Room, conferenceId: string, ids: string[]): void {
    const people = room.doc.getMap<unknown>(PEOPLE_MAP);
    const changedPeople: Array<{ id: string; entry: SessionPersonEntry }> = [];
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of ids) {
        const value = people.get(id);
        if (value === undefined) {
          this.stmts.removeRole.run(room.sessionId, id);
          continue;
        }
        const parsed = SessionPersonEntry.safeParse(value);
        if (!PERSON_ID.test(id) || !parsed.success) continue; // never stored; readers skip it too
        const owner = this.stmts.personConference.get(id) as { conferenceId: string } | undefined;
        if (owner && owner.conferenceId !== conferenceId) continue; // ids of other conferences are not ours to edit
        const e = parsed.data;
        this.stmts.upsertPerson.run({
          id,
          conferenceId,
          name: e.name,
          affiliation: e.affiliation,
          note: e.note,
          handle: e.handle,
          aliases: JSON.stringify(e.aliases),
          now,
        });
        this.stmts.upsertRole.run(room.sessionId, id, e.role, e.position);
        changedPeople.push({ id, entry: e });
      }
    })();
    this.propagate(room, changedPeople);
  }

  /** Pushes name, affiliation, handle and aliases of changed people into the other loaded rooms that show them. */
  private propagate(source: Room, changed: Array<{ id: string; entry: SessionPersonEntry }>): void {
    if (changed.length === 0) return;
    for (const room of this.loadedRooms()) if (room !== source) pushPersonFields(room, changed);
  }
}

/** Sets name, affiliation, note, handle and aliases of these people in a room that shows them (role and position stay the room's). */
export function pushPersonFields(room: Room, changed: Array<{ id: string; entry: SessionPersonEntry }>): void {
  const people = room.doc.getMap<unknown>(PEOPLE_MAP);
  room.doc.transact(() => {
    for (const { id, entry } of changed) {
      const current = SessionPersonEntry.safeParse(people.get(id));
      if (!current.success) continue;
      const next = {
        ...current.data,
        name: entry.name,
        affiliation: entry.affiliation,
        note: entry.note,
        handle: entry.handle,
        aliases: entry.aliases,
      };
      if (!sameEntry(current.data, next)) people.set(id, next);
    }
  }, SERVER_ORIGIN);
}

export function entryFromRow(row: PersonRow): SessionPersonEntry {
  const aliases = parseAliases(row.aliases);
  return SessionPersonEntry.parse({
    name: row.name,
    affiliation: row.affiliation,
    note: row.note,
    role: row.role,
    handle: row.handle,
    aliases,
    position: row.position,
  });
}

export function sameEntry(value: unknown, entry: SessionPersonEntry): boolean {
  const parsed = SessionPersonEntry.safeParse(value);
  return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(entry);
}
