import { parsePersonLine } from "./parse-person-line";
import type { PersonLine } from "./parse-person-line";

/**
 * Reads the people after "Moderator:", "Speakers:" or "By:":
 * `A (X, @a); B`, `A and B`, `A & B`, `A (X), B (Y)`, `@tlossen`, `Israel`.
 * Returns null when any item is not recognisably a person, so the caller can
 * keep the line as text instead of inventing people.
 */
export function parseSpeakerList(list: string): PersonLine[] | null {
  const items = list.split(/\s*;\s*|\s+and\s+|\s*&\s*|(?<=\))\s*,\s*/).filter(Boolean);
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
