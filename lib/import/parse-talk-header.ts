import { parsePersonLine } from "./parse-person-line";
import type { PersonLine } from "./parse-person-line";

/** An Ignite/lightning talk's title line split into title and speakers. */
export interface TalkHeader {
  title: string;
  speakers: PersonLine[];
}

const HANDLE_GROUP = /^(@[A-Za-z0-9_]{1,30})(?:\s*[:,]\s*|\s+|$)(.*)$/s;
const SUFFIX = /\s+(?:[-–—]|by)\s+([^-–—]+)$/;

/**
 * Reads the shapes seen in real Ignite notes:
 * - `Title (@handle: url)` / `Title (@handle)`: the handle is the speaker,
 *   a URL stays in the title (in parentheses) so no link is lost;
 * - `Name, Company: Title (@handle)` / `Name (Company): Title`;
 * - `Title - Name, Company` / `Title — Name (Company)` / `Title by Name`;
 * - `Name: Title` and `Title - Name` when `isKnown(Name)`.
 * A name alone before a colon or after a dash is only taken when it comes
 * with a company, a handle or is already known, because "Continuous
 * Delivery: why" and "Chef - The Easy Way" look exactly like names.
 * A trailing colon is dropped from the title.
 */
export function parseTalkHeader(text: string, isKnown: (name: string) => boolean = () => false): TalkHeader {
  let title = text.trim();
  let handle: string | null = null;
  const speakers: PersonLine[] = [];
  const credible = (p: PersonLine | null, strong = false): p is PersonLine =>
    p !== null && (strong || !!p.affiliation || !!p.handle || isKnown(p.name));

  const group = trailingGroup(title);
  if (group) {
    const h = HANDLE_GROUP.exec(group.inner);
    const person = h ? null : parsePersonLine(group.inner);
    if (h) {
      handle = h[1] as string;
      const leftover = (h[2] as string).trim();
      title = group.before + (leftover ? ` (${leftover})` : "");
    } else if (person && (person.affiliation?.includes(",") || person.handle || isKnown(person.name))) {
      speakers.push(person);
      title = group.before;
    }
  }

  const colon = title.indexOf(": ");
  const prefix = colon > 0 ? parsePersonLine(title.slice(0, colon)) : null;
  const suffixMatch = SUFFIX.exec(title);
  const suffix = suffixMatch ? parsePersonLine(suffixMatch[1] as string) : null;
  if (credible(prefix)) {
    speakers.push(prefix);
    title = title.slice(colon + 2);
  } else if (suffixMatch && credible(suffix, /\sby\s/.test(suffixMatch[0]))) {
    speakers.push(suffix);
    title = title.slice(0, suffixMatch.index);
  }

  if (handle) {
    const first = speakers[0];
    if (first && !first.handle) first.handle = handle;
    else speakers.push({ name: handle, affiliation: null, note: null, handle });
  }
  return { title: title.trim().replace(/\s*:$/, ""), speakers };
}

function trailingGroup(s: string): { before: string; inner: string } | null {
  if (!s.endsWith(")")) return null;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ")") depth++;
    else if (s[i] === "(" && --depth === 0) {
      return i > 0 ? { before: s.slice(0, i).trimEnd(), inner: s.slice(i + 1, -1).trim() } : null;
    }
  }
  return null;
}
