/**
 * The value for `<input type="datetime-local">` showing `date` on the wall
 * clock of `timeZone` (UTC when unknown), e.g. "2026-06-12T09:00"; "" for
 * no date. The inverse of wallTimeToInstant.
 */
export function instantToWallTime(date: Date | null, timeZone: string): string {
  if (!date) return "";
  let format: Intl.DateTimeFormat;
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  };
  try {
    format = new Intl.DateTimeFormat("en-CA", { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat("en-CA", { ...options, timeZone: "UTC" });
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}
