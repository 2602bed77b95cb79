import { normalizeText } from "../people/normalize-text";
import { isPersonName } from "./is-person-name";
import { parsePersonLine, trailingGroup } from "./parse-person-line";
import type { PersonLine } from "./parse-person-line";

/** An Ignite/lightning talk's title line split into title and speakers. */
export interface TalkHeader {
  title: string;
  speakers: PersonLine[];
  /** How sure the split is, 0..1; 1 when there is no speaker to guess. */
  confidence: number;
}

const HANDLE_GROUP = /^(@[A-Za-z0-9_]{1,30})(?:\s*[:,]\s*|\s+|$)(.*)$/s;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[A-Za-z]{2,24}$/;
const DASHES = [" — ", " – ", " - ", " | "];

interface Candidate {
  person: PersonLine;
  title: string;
  /** Name only, but written as "Title by Name": the word "by" says who. */
  byline?: boolean;
}

/**
 * Reads a talk's title line by its parts (title, name, company, handle, url,
 * email) in the orders note-takers write them:
 * - `Name, Company: Title: url` / `Name (@handle): Title` / `王小明 (Tencent): Title`;
 * - `Title: Name from Company` / `Title: Name, email`;
 * - `Title, Name, Company team: url: email`;
 * - `Title — Name (Company)` / `Title - Name, Company` / `Title by Name`;
 * - `Title (Name @handle)` / `Title (@handle: url)`: a bare handle is the speaker.
 * URLs stay in the title (talknotes/1 has no link field for talks, and no
 * link is lost); an email goes to the speaker's note.
 *
 * A title can look exactly like a name ("Continuous Delivery: why",
 * "Immutable Servers: Maya Chen from Heroku"), so a name is only taken as
 * the speaker with evidence: a company, an email, a handle that resembles
 * the name, "by", or `isKnown(name)`. The prefix before the first colon is
 * tried first, then the part after the last colon, then `Title, Name, Company`,
 * then a name after a dash or "by". A trailing colon is dropped from the title.
 */
export function parseTalkHeader(text: string, isKnown: (name: string) => boolean = () => false): TalkHeader {
  let rest = text.trim();
  let handle: string | null = null;
  let groupPerson: PersonLine | null = null;

  const group = trailingGroup(rest);
  if (group) {
    const h = HANDLE_GROUP.exec(group.inner);
    const person = h ? null : parsePersonLine(group.inner);
    if (h) {
      handle = h[1] as string;
      const leftover = (h[2] as string).trim();
      rest = group.before + (leftover ? ` (${leftover})` : "");
    } else if (person && (person.affiliation?.includes(",") || person.handle || isKnown(person.name))) {
      groupPerson = person;
      rest = group.before;
    }
  }
  if (groupPerson) return done(rest, [groupPerson], 0.85);

  // Emails at the end (`: raj@etsy.example`) belong to the speaker; URLs stay in the title.
  const segments = rest.split(": ");
  const emails: string[] = [];
  while (segments.length > 1 && EMAIL.test((segments[segments.length - 1] as string).trim()))
    emails.unshift((segments.pop() as string).trim());
  rest = segments.join(": ");

  const evidence = (c: Candidate): number => {
    const p = c.person;
    if (isKnown(p.name)) return 0.95;
    if (p.affiliation) return 0.85;
    if (p.note && /@/.test(p.note)) return 0.85;
    if ([handle, p.handle].some((h) => h && resembles(h, p.name))) return 0.85;
    if (emails.some((e) => resembles(e.split("@")[0] as string, p.name))) return 0.8;
    if (c.byline) return 0.75;
    return 0;
  };

  for (const candidate of candidates(segments)) {
    const confidence = evidence(candidate);
    if (confidence === 0) continue;
    const person = { ...candidate.person };
    if (handle && !person.handle) person.handle = handle;
    if (emails.length) person.note = [person.note, ...emails].filter(Boolean).join("; ");
    return done(candidate.title, [person], confidence);
  }
  if (handle) return done(rest, [{ name: handle, affiliation: null, note: emails.join("; ") || null, handle }], 0.5);
  return done(rest, [], 1);
}

function done(title: string, speakers: PersonLine[], confidence: number): TalkHeader {
  return { title: title.trim().replace(/\s*:$/, ""), speakers, confidence };
}

/** Where the speaker may be, in order of preference, each with the title that remains. */
function* candidates(segments: readonly string[]): Generator<Candidate> {
  const last = segments.length - 1;
  if (last > 0) {
    const prefix = parsePersonLine(segments[0] as string);
    if (prefix) yield { person: prefix, title: segments.slice(1).join(": ") };
    const suffix = parsePersonLine(segments[last] as string);
    if (suffix) yield { person: suffix, title: segments.slice(0, last).join(": ") };
  }
  // `Title, Name, Company`: a comma-separated part that is a name, after a title.
  const first = segments[0] as string;
  const parts = first.split(", ");
  for (let i = 1; i < parts.length && i < 8; i++) {
    if (!isPersonName(parts[i] as string)) continue;
    const person = parsePersonLine(parts.slice(i).join(", "));
    if (person) yield { person, title: [parts.slice(0, i).join(", "), ...segments.slice(1)].join(": ") };
    break;
  }
  // `Title — Name (Company)` / `Title by Name`, in the part without colons at the end.
  const tail = segments[last] as string;
  const head = segments.slice(0, last).join(": ");
  const join = (t: string) => (head ? `${head}: ${t}` : t);
  let at = -1;
  let sepLength = 0;
  for (const sep of DASHES) {
    const i = tail.lastIndexOf(sep);
    if (i > at) {
      at = i;
      sepLength = sep.length;
    }
  }
  if (at > 0) {
    const person = parsePersonLine(tail.slice(at + sepLength));
    if (person) yield { person, title: join(tail.slice(0, at)) };
  }
  const by = tail.lastIndexOf(" by ");
  if (by > 0) {
    const person = parsePersonLine(tail.slice(by + 4));
    if (person) yield { person, title: join(tail.slice(0, by)), byline: true };
  }
}

/** True when a handle or an email's local part contains a word of the name ("@eriksowa" for "Erik Sowa"). */
function resembles(handle: string, name: string): boolean {
  const h = normalizeText(handle.replace(/^@/, "")).replace(/ /g, "");
  const words = normalizeText(name)
    .split(" ")
    .filter((w) => w.length >= 2);
  return h.length >= 2 && words.some((w) => h.includes(w));
}
