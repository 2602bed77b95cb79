import { DEFAULT_LENGTH_MS, nowAndNext, type TimedSession } from "./now-and-next";

/** What a room embed shows at one moment. */
export interface RoomNow<T extends TimedSession> {
  /** The session running in the room now (the latest started, if several overlap), or null. */
  live: T | null;
  /** The first session starting after now in the room, or null when nothing more is scheduled. */
  next: T | null;
  /** When the answer changes next (the live session ends or the next one starts); null: never. */
  changesAt: Date | null;
}

/**
 * "Whatever session is live in Room A now", from the schedule's times: a
 * session runs from its start to its end, or, without an end, until the next
 * one in the room starts (or an hour: the rule of the agenda's Now marks,
 * nowAndNext). Times are instants, so the answer is the same in every time
 * zone; the conference's zone only matters for how "next" is written.
 * Sessions of other rooms and without a start time are ignored.
 */
export function roomNow<T extends TimedSession>(sessions: readonly T[], room: string, now: Date): RoomNow<T> {
  const inRoom = sessions.filter((s) => s.room === room && s.startsAt);
  const marks = nowAndNext(inRoom, now);
  const byStart = [...inRoom].sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
  const live = byStart.filter((s) => marks.get(s.id) === "now").at(-1) ?? null;
  const next = byStart.find((s) => s.startsAt!.getTime() > now.getTime()) ?? null;
  // nowAndNext's rule for a session without an end: until the next one in the room starts, else an hour.
  const following = live && byStart.find((s) => s.startsAt!.getTime() > live.startsAt!.getTime());
  const end = live
    ? (live.endsAt ?? following?.startsAt ?? new Date(live.startsAt!.getTime() + DEFAULT_LENGTH_MS))
    : null;
  const changes = [end, next?.startsAt ?? null].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return { live, next, changesAt: changes.length ? new Date(Math.min(...changes)) : null };
}
