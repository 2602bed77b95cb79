/**
 * An instant as `hh:mm` (24-hour; `hh:mm:ss` with `seconds`) on the wall
 * clock of `timeZone`, e.g. the margin time of a note; an unknown zone falls
 * back to UTC, as the agenda does. "" for an unreadable instant.
 */
export function formatClockTime(
  instant: string | Date,
  timeZone: string | null,
  options: { seconds?: boolean } = {},
): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return "";
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      ...(options.seconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
      timeZone: zone,
    }).format(date);
  try {
    return format(timeZone || "UTC");
  } catch {
    return format("UTC");
  }
}
