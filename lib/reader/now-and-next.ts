/** What marking Now and Next needs of a session. */
export interface TimedSession {
  id: string;
  room: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** A session without an end runs until the next one in its room starts, or this long. */
export const DEFAULT_LENGTH_MS = 60 * 60_000;
/** "Next" is for what is coming up soon, not for the first talk of a conference months away. */
const NEXT_WITHIN_MS = 12 * 60 * 60_000;

/**
 * Per room, the sessions running at `now` ("now") and the one(s) starting
 * soonest after it, within twelve hours ("next"). Sessions without a start
 * time are never marked. Rooms are told apart by name; sessions without a
 * room count as one room.
 */
export function nowAndNext(sessions: readonly TimedSession[], now: Date): Map<string, "now" | "next"> {
  const marks = new Map<string, "now" | "next">();
  const byRoom = new Map<string, TimedSession[]>();
  for (const s of sessions) {
    if (!s.startsAt) continue;
    const key = s.room ?? "";
    byRoom.set(key, [...(byRoom.get(key) ?? []), s]);
  }
  const t = now.getTime();
  for (const list of byRoom.values()) {
    list.sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
    let next: number | null = null;
    list.forEach((s, i) => {
      const start = s.startsAt!.getTime();
      const following = list.slice(i + 1).find((o) => o.startsAt!.getTime() > start);
      const end = s.endsAt?.getTime() ?? following?.startsAt!.getTime() ?? start + DEFAULT_LENGTH_MS;
      if (start <= t && t < end) marks.set(s.id, "now");
      else if (start > t && start - t <= NEXT_WITHIN_MS && (next === null || start === next)) {
        next = start;
        marks.set(s.id, "next");
      }
    });
  }
  return marks;
}
