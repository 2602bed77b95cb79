import { parseOffsetDateTime } from "./parse-offset-date-time";
import { zoneOffsetMinutes } from "./zone-offset-minutes";

/**
 * The UTC offset (minutes) for a schedule day's times that carry none: the
 * offset written on the day's start, else the named zone's offset at midday
 * of the day's date (so a DST change at night cannot shift it), else the
 * first offset written anywhere in the file; null when nothing says.
 */
export function dayFallbackOffset(day: {
  start: string | undefined;
  date: string | undefined;
  timeZoneName: string | undefined;
  fileOffset: number | null;
}): number | null {
  return (
    (day.start ? parseOffsetDateTime(day.start)?.offsetMinutes : null) ??
    (day.timeZoneName && day.date
      ? zoneOffsetMinutes(day.timeZoneName, (parseOffsetDateTime(day.date)?.wallMs ?? 0) + 12 * 3_600_000)
      : null) ??
    day.fileOffset
  );
}
