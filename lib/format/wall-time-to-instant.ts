import { formatUtcOffset } from "../schedule/format-utc-offset";
import { parseOffsetDateTime } from "../schedule/parse-offset-date-time";
import { zoneOffsetMinutes } from "../schedule/zone-offset-minutes";

/**
 * A date-time typed into a form (`YYYY-MM-DDTHH:MM`, as `<input
 * type="datetime-local">` sends it) read as a wall-clock time in the
 * conference's zone, returned as ISO 8601 with that zone's offset, e.g.
 * "2026-06-12T09:00" in Europe/Berlin -> "2026-06-12T09:00:00+02:00". A value
 * that already carries an offset is returned as is; an unknown zone counts
 * as UTC; "" stays "" and anything unreadable is returned unchanged for the
 * input schema to reject. The server's own time zone plays no part.
 */
export function wallTimeToInstant(value: string, timeZone: string): string {
  const text = value.trim();
  const parsed = text ? parseOffsetDateTime(text) : null;
  if (!parsed || parsed.offsetMinutes !== null) return text;
  const offset = zoneOffsetMinutes(timeZone, parsed.wallMs) ?? 0;
  return `${new Date(parsed.wallMs).toISOString().slice(0, 19)}${formatUtcOffset(offset)}`;
}
