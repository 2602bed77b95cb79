const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * "2010-06-25" -> "June 25, 2010", the way 2010 conference posts dated
 * themselves. Works on the calendar date as written, never through a Date
 * in the local time zone, so the day cannot shift. Returns null for anything
 * that is not `YYYY-MM-DD`.
 */
export function formatLongDate(isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return null;
  return `${month} ${day}, ${m[1]}`;
}
