import { formatUtcOffset } from "./format-utc-offset";

/**
 * Formats an instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the given offset
 * (minutes east of UTC), so every stored time has one shape. Independent of
 * the host's time zone.
 */
export function formatOffsetDateTime(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}${formatUtcOffset(offsetMinutes)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}
