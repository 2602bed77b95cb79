import type { PrismaClient } from "../../generated/prisma/client";
import {
  PEOPLE_MAP,
  PERSON_ID,
  SESSION_MAP,
  SessionPersonEntry,
  readSessionKind,
} from "../../lib/collab/session-people";
import { parseAliases } from "../data/parse-aliases";
import type { Room } from "./room";
import type { PeopleNotice } from "./room-bus";

/** Transaction origin of changes the server makes to a document (never mirrored back to the database). */
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
 * step, on SQLite and PostgreSQL alike. Database -> document when a room loads
 * (so a rename made elsewhere shows up) and when asked (`reconcile`, after a
 * schedule re-import); document -> database whenever a co-editor adds, edits
 * or removes a person (so speaker pages, exports and other sessions'
 * autocomplete see them). A rename is pushed into every other loaded room that
 * has the person.
 *
 * Writes go through Prisma, as every other writer of these tables in
 * `server/data` does: one writer per table (ARCHITECTURE.md, "Who calls the
 * database"). Asynchronous, so each room's writes go out one after the other
 * (a later edit never lands before an earlier one) and read the document when
 * they run (the newest values win). On SQLite a transaction here awaits
 * nothing but its own statements, so it never lets the notes store's
 * connection run into its write lock.
 *
 * Across instances: a co-editor's change reaches every instance that has the
 * same session loaded through the room bus, and each of them stores it
 * (idempotent upserts). A rename must also reach *other* sessions that show
 * the person and are loaded on other instances: after committing, this
 * instance publishes the changed person ids (`publish`), and every instance
 * re-reads those people and pushes their fields into its loaded rooms. A
 * notice lost while Redis is down is repaired when the room loads next
 * (reconcile on load), as on one instance.
 */
export class SessionPeopleSync {
  /** Per room: the tail of its queue of writes and reconciles. */
  private readonly queues = new WeakMap<Room, Promise<void>>();
  /** Per room: ids changed in the document while a reconcile was reading (it must not undo them). */
  private readonly touched = new WeakMap<Room, Set<string>[]>();
  /** Notices from other instances are applied one after the other, so an older read never lands last. */
  private noticeQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly loadedRooms: () => Iterable<Room>,
    /** Tells the other instances (the room bus), or null on one instance. */
    private readonly publish: ((notice: PeopleNotice) => void) | null,
    /**
     * How long a reconcile waits to confirm that an entry missing from the tables is really gone
     * (several instances: another instance's co-editor may have just added it); 0 on one instance.
     */
    private readonly confirmRemovalMs = 2_000,
  ) {}

  /** Called once per room, right after it loaded: reconcile, then mirror every later change. */
  bind(room: Room): void {
    const { doc, sessionId } = room;
    let conferenceId: string | null = null;
    // Queued tasks never reject (enqueue logs failures); the room does not wait for its mirror.
    void this.enqueue(room, async () => {
      const session = await this.prisma.session.findUnique({
        where: { id: sessionId },
        select: { conferenceId: true, kind: true },
      });
      if (!session) return;
      conferenceId = session.conferenceId;
      await this.reconcileNow(room);
      if (readSessionKind(doc) !== session.kind) await this.persistKind(room);
    });
    doc.getMap<unknown>(PEOPLE_MAP).observe((event, tr) => {
      if (tr.origin === SERVER_ORIGIN || tr.origin === room) return;
      const ids = [...event.keysChanged];
      for (const set of this.touched.get(room) ?? []) for (const id of ids) set.add(id);
      void this.enqueue(room, () => (conferenceId ? this.persist(room, conferenceId, ids) : Promise.resolve()));
    });
    doc.getMap(SESSION_MAP).observe((_event, tr) => {
      if (tr.origin !== SERVER_ORIGIN) void this.enqueue(room, () => this.persistKind(room));
    });
  }

  /** Re-reads a session's people into its document (after a server-side change, e.g. a schedule re-import). */
  reconcile(room: Room): Promise<void> {
    return this.enqueue(room, () => this.reconcileNow(room));
  }

  /** Applies a notice published by another instance to this instance's loaded rooms. */
  received(notice: PeopleNotice): void {
    this.noticeQueue = this.noticeQueue.then(async () => {
      try {
        if (notice.kind === "resync") {
          const wanted = new Set(notice.sessionIds);
          for (const room of this.loadedRooms()) if (wanted.has(room.sessionId)) await this.reconcile(room);
          return;
        }
        const rows = await this.prisma.person.findMany({ where: { id: { in: notice.personIds } } });
        const changed = rows.map((row) => ({
          id: row.id,
          entry: entryFromRow({ ...row, role: "speaker", position: 0 }),
        }));
        // The source session converges through its own channel; every other room shows what is now stored.
        for (const room of this.loadedRooms())
          if (room.sessionId !== notice.fromSessionId) pushPersonFields(room, changed);
      } catch (err) {
        console.error("[people] applying a notice from another instance failed", err);
      }
    });
  }

  private enqueue(room: Room, task: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(room) ?? Promise.resolve()).then(task).catch((err: unknown) => {
      console.error(`[people] mirroring the people of ${room.sessionId} failed`, err);
    });
    this.queues.set(room, next);
    return next;
  }

  /**
   * Makes the document's people map say what the database says. Ids a
   * co-editor changed while this read ran are left alone: their write is
   * queued behind this reconcile and would otherwise be undone first.
   * Removals wait for a second read `confirmRemovalMs` later: an entry
   * another instance's co-editor just added may be in the document (the
   * notes are committed first) a moment before its Person rows are.
   */
  private async reconcileNow(room: Room): Promise<void> {
    const { doc, sessionId } = room;
    const touched = this.watchTouched(room);
    let keepWatching = false;
    try {
      const rows = await this.prisma.sessionPerson.findMany({ where: { sessionId }, include: { person: true } });
      if (doc.isDestroyed) return;
      const people = doc.getMap<unknown>(PEOPLE_MAP);
      const inDatabase = new Set(rows.map((r) => r.personId));
      doc.transact(() => {
        for (const row of rows) {
          if (touched.has(row.personId)) continue;
          const entry = entryFromRow({ ...row.person, role: row.role, position: row.position });
          if (!sameEntry(people.get(row.personId), entry)) people.set(row.personId, entry);
        }
      }, SERVER_ORIGIN);
      const missing = [...people.keys()].filter((id) => !inDatabase.has(id) && !touched.has(id));
      if (missing.length === 0) return;
      keepWatching = true;
      setTimeout(() => {
        void this.enqueue(room, async () => {
          try {
            const still = await this.prisma.sessionPerson.findMany({
              where: { sessionId, personId: { in: missing } },
              select: { personId: true },
            });
            if (doc.isDestroyed) return;
            const linked = new Set(still.map((r) => r.personId));
            doc.transact(() => {
              for (const id of missing) if (!linked.has(id) && !touched.has(id)) people.delete(id);
            }, SERVER_ORIGIN);
          } finally {
            this.unwatchTouched(room, touched);
          }
        });
      }, this.confirmRemovalMs).unref();
    } finally {
      if (!keepWatching) this.unwatchTouched(room, touched);
    }
  }

  /** Records, until `unwatchTouched`, which ids co-editors change in this room. */
  private watchTouched(room: Room): Set<string> {
    const touched = new Set<string>();
    const sets = this.touched.get(room) ?? [];
    sets.push(touched);
    this.touched.set(room, sets);
    return touched;
  }

  private unwatchTouched(room: Room, touched: Set<string>): void {
    const sets = this.touched.get(room);
    if (sets) sets.splice(sets.indexOf(touched), 1);
  }

  private async persistKind(room: Room): Promise<void> {
    const kind = readSessionKind(room.doc);
    if (kind) await this.prisma.session.updateMany({ where: { id: room.sessionId }, data: { kind } });
  }

  private async persist(room: Room, conferenceId: string, ids: string[]): Promise<void> {
    const people = room.doc.getMap<unknown>(PEOPLE_MAP);
    const sessionId = room.sessionId;
    const changed = await this.prisma.$transaction(async (tx) => {
      const stored: Array<{ id: string; entry: SessionPersonEntry }> = [];
      for (const id of ids) {
        const value = people.get(id);
        if (value === undefined) {
          await tx.sessionPerson.deleteMany({ where: { sessionId, personId: id } });
          continue;
        }
        const parsed = SessionPersonEntry.safeParse(value);
        if (!PERSON_ID.test(id) || !parsed.success) continue; // never stored; readers skip it too
        const owner = await tx.person.findUnique({ where: { id }, select: { conferenceId: true } });
        if (owner && owner.conferenceId !== conferenceId) continue; // ids of other conferences are not ours to edit
        const e = parsed.data;
        const fields = {
          name: e.name,
          affiliation: e.affiliation,
          note: e.note,
          handle: e.handle,
          aliases: JSON.stringify(e.aliases),
        };
        await tx.person.upsert({ where: { id }, create: { id, conferenceId, ...fields }, update: fields });
        await tx.sessionPerson.upsert({
          where: { sessionId_personId: { sessionId, personId: id } },
          create: { sessionId, personId: id, role: e.role, position: e.position },
          update: { role: e.role, position: e.position },
        });
        stored.push({ id, entry: e });
      }
      return stored;
    });
    if (changed.length === 0) return;
    for (const other of this.loadedRooms()) if (other !== room) pushPersonFields(other, changed);
    this.publish?.({ kind: "people", fromSessionId: sessionId, personIds: changed.map((c) => c.id) });
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
