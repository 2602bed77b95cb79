const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?`;

const PATTERNS: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
  // 2010-06-25
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [m[1] as string, m[2] as string, m[3] as string]],
  // June 25, 2010 / Friday, June 25th 2010
  [
    new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`, "i"),
    (m) => [m[3] as string, month(m[1]), m[2] as string],
  ],
  // 25 June 2010
  [
    new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\.?\s+${MONTH},?\s+(\d{4})$`, "i"),
    (m) => [m[3] as string, month(m[2]), m[1] as string],
  ],
  // The blog's date widget, glued: "Jun252010"
  [
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(\d{1,2})(\d{4})$/i,
    (m) => [m[3] as string, month(m[1]), m[2] as string],
  ],
];

/**
 * Reads a line that is only a date ("June 25, 2010", "25 June 2010",
 * "2010-06-25", "Friday, June 25th 2010", the glued widget "Jun252010") as an
 * ISO `YYYY-MM-DD`; null when the line is anything else or not a real day.
 */
export function parseDateLine(text: string): string | null {
  const line = text.trim();
  for (const [pattern, parts] of PATTERNS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const iso = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
    const date = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
  }
  return null;
}

function month(name: string | undefined): string {
  return String(MONTHS.indexOf((name ?? "").slice(0, 3).toLowerCase()) + 1);
}
