import type { ScheduleSession } from "./types";
import { parseOffsetDateTime } from "./parse-offset-date-time";

/**
 * A conference's first and last day as a schedule gives them: the calendar
 * date of its stated start and end, else the first and last day that has a
 * date, else the first and last session's day; undefined where none says.
 */
export function scheduleDateSpan(
  stated: { start: string | undefined; end: string | undefined },
  dayDates: readonly string[],
  sessions: readonly ScheduleSession[],
): { startsOn: string | undefined; endsOn: string | undefined } {
  return {
    startsOn: dateOnly(stated.start) ?? dayDates[0] ?? sessions[0]?.startsAt.slice(0, 10),
    endsOn: dateOnly(stated.end) ?? dayDates.at(-1) ?? sessions.at(-1)?.startsAt.slice(0, 10),
  };
}

function dateOnly(value: string | undefined): string | undefined {
  return value && parseOffsetDateTime(value) ? value.trim().slice(0, 10) : undefined;
}
