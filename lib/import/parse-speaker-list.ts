import { parsePersonLine } from "./parse-person-line";
import type { PersonLine } from "./parse-person-line";

/**
 * Reads the people after "Moderator:", "Speakers:" or "By:":
 * `A (X, @a); B`, `A and B`, `A & B`, `A (X), B (Y)`, `@tlossen`, `Israel`.
 * Returns null when any item is not recognisably a person, so the caller can
 * keep the line as text instead of inventing people.
 */
export function parseSpeakerList(list: string): PersonLine[] | null {
  const items = splitOutsideParens(list);
  const people: PersonLine[] = [];
  for (const item of items) {
    const handle = /^@[A-Za-z0-9_]{1,30}$/.test(item);
    const single = /^(\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+\(([^()]*)\))?$/u.exec(item);
    const person =
      parsePersonLine(item) ??
      (handle ? { name: item, affiliation: null, note: null, handle: item } : null) ??
      (single ? { name: single[1] as string, affiliation: single[2]?.trim() || null, note: null, handle: null } : null);
    if (!person) return null;
    people.push(person);
  }
  return people.length > 0 ? people : null;
}

const SEPARATOR = /\s*;\s*|\s+and\s+|\s*&\s*/y;
const COMMA = /\s*,\s*/y;

/**
 * Splits at ";", " and ", "&" and a "," after ")", but never inside
 * parentheses ("(Navy; keynote)"). One pass; the sticky expressions only look
 * at the current position, so this stays linear.
 */
function splitOutsideParens(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  let lastSeen = "";
  for (let i = 0; i < list.length; i++) {
    const ch = list[i] as string;
    const before = lastSeen;
    if (ch !== " ") lastSeen = ch;
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth > 0 || (ch !== " " && ch !== ";" && ch !== "&" && ch !== ",")) continue;
    SEPARATOR.lastIndex = i;
    let m = SEPARATOR.exec(list);
    if (!m && (ch === "," ? before : lastSeen) === ")") {
      COMMA.lastIndex = i;
      m = COMMA.exec(list);
    }
    if (m && m[0].length > 0) {
      items.push(list.slice(start, i).trim());
      start = i + m[0].length;
      i = start - 1;
    }
  }
  items.push(list.slice(start).trim());
  return items.filter(Boolean);
}
