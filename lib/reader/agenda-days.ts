/** What the agenda needs of a session. */
export interface AgendaSession {
  startsAt: Date | null;
}

/** One day of the agenda: its sessions in time order, each with its local start time. */
export interface AgendaDay<T extends AgendaSession> {
  /** `YYYY-MM-DD` in the conference's zone; null for sessions without a time. */
  date: string | null;
  /** e.g. "Friday, June 25, 2010"; "Unscheduled" when date is null. */
  label: string;
  sessions: Array<{ session: T; time: string | null }>;
}

function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * Groups sessions into agenda days in the conference's time zone (an unknown
 * zone falls back to UTC), days in order, sessions by start time within a day
 * (stable otherwise), and sessions without a start time last.
 */
export function agendaDays<T extends AgendaSession>(sessions: readonly T[], timeZone: string): AgendaDay<T>[] {
  const zone = zoneOrUtc(timeZone);
  const dayKey = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const dayLabel = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  });
  const timeLabel = new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", minute: "2-digit" });
  const days = new Map<string, AgendaDay<T>>();
  const unscheduled: AgendaDay<T> = { date: null, label: "Unscheduled", sessions: [] };
  const sorted = [...sessions].sort(
    (a, b) => (a.startsAt?.getTime() ?? Infinity) - (b.startsAt?.getTime() ?? Infinity),
  );
  for (const session of sorted) {
    if (!session.startsAt) {
      unscheduled.sessions.push({ session, time: null });
      continue;
    }
    const date = dayKey.format(session.startsAt);
    let day = days.get(date);
    if (!day) {
      day = { date, label: dayLabel.format(session.startsAt), sessions: [] };
      days.set(date, day);
    }
    day.sessions.push({ session, time: timeLabel.format(session.startsAt) });
  }
  const out = [...days.values()];
  if (unscheduled.sessions.length) out.push(unscheduled);
  return out;
}
