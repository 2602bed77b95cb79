import { formatOffsetDateTime } from "./format-offset-date-time";
import { parseOffsetDateTime } from "./parse-offset-date-time";
import { parseScheduleDuration } from "./parse-schedule-duration";

/** The time fields of one event as the file wrote them (absent ones undefined). */
export interface SessionTimeFields {
  /** Event `date`: full date-time with offset in current exports; older ones give a date or no offset. */
  date?: string;
  /** Event `start`, `HH:MM` or `HH:MM:SS`; only used when `date` carries no time. */
  start?: string;
  /** Event `duration`, `H:MM` or `H:MM:SS`. */
  duration?: string;
  /** Event `end` (newer JSON), full date-time; only used when there is no duration. */
  end?: string;
  /** The enclosing day's date, `YYYY-MM-DD`, for events without a `date`. */
  dayDate?: string;
  /** The enclosing day's start date-time: events starting earlier on the clock are after midnight. */
  dayStart?: string;
  /** Offset (minutes east of UTC) for times written without one; null when the file gives none. */
  fallbackOffsetMinutes: number | null;
}

export type SessionTimes =
  | { ok: true; startsAt: string; endsAt: string; durationMinutes: number }
  | { ok: false; field: "date" | "start" | "duration"; detail: string };

/**
 * Works out an event's start and end as ISO 8601 in the offset the file
 * wrote (`date`'s own offset when it has one, else the fallback). The host's
 * time zone plays no part. Returns which field is at fault instead of
 * throwing, so readers can list every bad event at once.
 */
export function computeSessionTimes(f: SessionTimeFields): SessionTimes {
  const date = f.date?.trim() ? parseOffsetDateTime(f.date) : null;
  if (f.date?.trim() && !date) return { ok: false, field: "date", detail: `invalid date-time "${f.date}"` };

  let wallMs: number;
  let offset = date?.offsetMinutes ?? f.fallbackOffsetMinutes;
  if (date?.hasTime) {
    wallMs = date.wallMs;
  } else {
    const start = f.start?.trim();
    if (!start) return { ok: false, field: "start", detail: "missing start time (no date-time and no start)" };
    const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(start);
    if (!m) return { ok: false, field: "start", detail: `invalid start time "${f.start}" (expected HH:MM)` };
    const clockMs = (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) * 1000;
    const base = date ?? (f.dayDate ? parseOffsetDateTime(f.dayDate.slice(0, 10)) : null);
    if (!base) return { ok: false, field: "date", detail: "missing date (neither the event nor its day has one)" };
    wallMs = base.wallMs + clockMs;
    if (!date && f.dayStart) {
      // frab days run past midnight (e.g. 11:00 to 04:00): a 00:15 event on day 1 is on the next calendar date.
      const dayStart = parseOffsetDateTime(f.dayStart);
      if (dayStart?.hasTime && clockMs < dayStart.wallMs - base.wallMs) wallMs += 86_400_000;
      offset ??= dayStart?.offsetMinutes ?? null;
    }
  }
  if (offset === null) {
    return { ok: false, field: "date", detail: "time has no UTC offset and the schedule gives no time zone" };
  }
  const startMs = wallMs - offset * 60_000;

  let seconds: number | null = null;
  if (f.duration?.trim()) {
    seconds = parseScheduleDuration(f.duration);
    if (seconds === null)
      return { ok: false, field: "duration", detail: `invalid duration "${f.duration}" (expected HH:MM)` };
  } else if (f.end?.trim()) {
    const end = parseOffsetDateTime(f.end);
    if (!end?.hasTime) return { ok: false, field: "duration", detail: `invalid end "${f.end}"` };
    seconds = Math.round((end.wallMs - (end.offsetMinutes ?? offset) * 60_000 - startMs) / 1000);
    if (seconds < 0) return { ok: false, field: "duration", detail: `end "${f.end}" is before the start` };
  } else {
    return { ok: false, field: "duration", detail: "missing duration" };
  }

  return {
    ok: true,
    startsAt: formatOffsetDateTime(startMs, offset),
    endsAt: formatOffsetDateTime(startMs + seconds * 1000, offset),
    durationMinutes: Math.round(seconds / 60),
  };
}
