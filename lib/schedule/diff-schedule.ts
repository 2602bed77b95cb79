import type { ScheduleImport, SchedulePerson, ScheduleSession } from "./types";

/** What a re-import is compared against: the sessions and people of the last import, e.g. a stored ScheduleImport (a JSON round trip is fine). */
export type ScheduleSnapshot = Pick<ScheduleImport, "sessions" | "people">;

/** The session fields a re-import reports changes of. */
export type ScheduleDiffField =
  "title" | "startsAt" | "endsAt" | "room" | "track" | "kind" | "subtitle" | "abstract" | "speakers";

/** A speaker as named in the snapshot (before) or the new file (after). */
export interface ScheduleSpeakerRef {
  /** `SchedulePerson.externalId`. */
  externalId: string;
  /** Display name; the id itself when the person list lacks them. */
  name: string;
}

/** One changed field; absent optional text is `null`. Speakers carry the whole list before and after. */
export type ScheduleFieldChange =
  | { field: Exclude<ScheduleDiffField, "speakers">; before: string | null; after: string | null }
  | { field: "speakers"; before: ScheduleSpeakerRef[]; after: ScheduleSpeakerRef[] };

/** A session present in both, with what changed, in {@link ScheduleDiffField} order. */
export interface ScheduleSessionChange {
  /** The session's externalId (the match key). */
  externalId: string;
  /** Its title in the new file. */
  title: string;
  changes: ScheduleFieldChange[];
}

/** The result of comparing a re-imported schedule with the previous import. */
export interface ScheduleDiff {
  /** Sessions only in the new file, in its order. */
  added: ScheduleSession[];
  /** Sessions only in the snapshot, in its order. */
  removed: ScheduleSession[];
  /** Sessions in both whose compared fields differ, in the new file's order. */
  changed: ScheduleSessionChange[];
  /** People only in the new file. */
  peopleAdded: SchedulePerson[];
  /** People only in the snapshot. */
  peopleRemoved: SchedulePerson[];
  /** Sessions in both with no compared field changed. */
  unchanged: number;
}

const TEXT_FIELDS = ["title", "startsAt", "endsAt", "room", "track", "kind", "subtitle", "abstract"] as const;

/**
 * Compares a freshly read schedule with the previous import, matching
 * sessions and people by `externalId` only: a session whose id changed reads
 * as one removed and one added, never as a guess. Times compare as instants
 * (the same moment written in another offset is no change); speakers compare
 * as sets (reordering is no change). Pure: no database, no clock.
 */
export function diffSchedule(existing: ScheduleSnapshot, incoming: ScheduleImport): ScheduleDiff {
  const before = new Map(existing.sessions.map((s) => [s.externalId, s]));
  const after = new Map(incoming.sessions.map((s) => [s.externalId, s]));
  const namesBefore = new Map(existing.people.map((p) => [p.externalId, p.name]));
  const namesAfter = new Map(incoming.people.map((p) => [p.externalId, p.name]));

  const changed: ScheduleSessionChange[] = [];
  let unchanged = 0;
  for (const next of incoming.sessions) {
    const prev = before.get(next.externalId);
    if (!prev) continue;
    const changes: ScheduleFieldChange[] = [];
    for (const field of TEXT_FIELDS) {
      const a = prev[field] ?? null;
      const b = next[field] ?? null;
      const same = field === "startsAt" || field === "endsAt" ? sameInstant(a, b) : a === b;
      if (!same) changes.push({ field, before: a, after: b });
    }
    const idsBefore = new Set(prev.personIds);
    if (prev.personIds.length !== next.personIds.length || next.personIds.some((id) => !idsBefore.has(id))) {
      changes.push({
        field: "speakers",
        before: prev.personIds.map((id) => ({ externalId: id, name: namesBefore.get(id) ?? id })),
        after: next.personIds.map((id) => ({ externalId: id, name: namesAfter.get(id) ?? id })),
      });
    }
    if (changes.length) changed.push({ externalId: next.externalId, title: next.title, changes });
    else unchanged++;
  }

  return {
    added: incoming.sessions.filter((s) => !before.has(s.externalId)),
    removed: existing.sessions.filter((s) => !after.has(s.externalId)),
    changed,
    peopleAdded: incoming.people.filter((p) => !namesBefore.has(p.externalId)),
    peopleRemoved: existing.people.filter((p) => !namesAfter.has(p.externalId)),
    unchanged,
  };
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && ta === tb;
}
