/** A date-time as a schedule wrote it: the wall-clock reading and the UTC offset, if any. */
export interface OffsetDateTime {
  /** The wall-clock reading encoded as if it were UTC (the instant is `wallMs - offsetMinutes * 60000`). */
  wallMs: number;
  /** The written offset in minutes east of UTC (`Z` = 0), or null when the text has none. */
  offsetMinutes: number | null;
  /** False for a bare `YYYY-MM-DD`. */
  hasTime: boolean;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{1,2}:?\d{2})?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` and either of those with
 * `Z` or `±HH:MM`. Does arithmetic on the numbers itself so the host's time
 * zone never leaks in. Returns null for anything else or impossible dates.
 */
export function parseOffsetDateTime(value: string): OffsetDateTime | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, tz] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wallMs).getUTCDate() !== day) return null; // 2014-02-30 and friends
  let offsetMinutes: number | null = null;
  if (tz === "Z") offsetMinutes = 0;
  else if (tz) {
    const t = /^([+-])(\d{1,2}):?(\d{2})$/.exec(tz);
    if (!t) return null;
    offsetMinutes = (t[1] === "-" ? -1 : 1) * (Number(t[2]) * 60 + Number(t[3]));
  }
  return { wallMs, offsetMinutes, hasTime: h !== undefined };
}
