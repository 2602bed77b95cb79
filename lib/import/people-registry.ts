import type { InterchangePerson, PersonRole } from "../interchange/types";
import { normalizeText } from "../people/normalize-text";
import { matchSpeaker } from "./match-speaker";
import { MAX_SESSION_PEOPLE } from "./max-session-people";
import { prepareSpeakerMatch } from "./prepare-speaker-match";
import type { SpeakerMatchIndex } from "./prepare-speaker-match";
import type { SpeakerMatch } from "./match-speaker";
import { slugify } from "../text/slugify";

/** What the importer knows about a person when it first meets them. */
export interface PersonSeed {
  name: string;
  role: PersonRole;
  affiliation?: string | null;
  note?: string | null;
  handle?: string | null;
}

/** Spellings remembered per person (typos that matched). */
const MAX_ALIASES = 20;

/** Roles that outrank "audience" when the same person turns up twice. */
const ROLE_RANK: Record<PersonRole, number> = { audience: 0, speaker: 1, panelist: 2, moderator: 3 };

/**
 * The people of one imported session: gives each a stable id (slug of the
 * name, "-2" etc. on clashes), resolves the labels note-takers write ("Jody",
 * "Jodi") through {@link matchSpeaker}, and pulls in caller-known people only
 * when the notes actually mention them.
 */
export class PeopleRegistry {
  private readonly people: InterchangePerson[] = [];
  private readonly known: InterchangePerson[];
  /** Search indexes reused across lookups; rebuilt when people are added or an alias is learnt. */
  private sessionIndex: SpeakerMatchIndex<InterchangePerson> | null = null;
  private knownIndex: SpeakerMatchIndex<InterchangePerson> | null = null;
  private readonly byLowerName = new Map<string, InterchangePerson>();
  /** True once a newcomer was refused because the session already had {@link MAX_SESSION_PEOPLE} people. */
  overflowed = false;
  private knownOthers: InterchangePerson[] | null = null;
  private indexedCount = -1;

  constructor(known: readonly InterchangePerson[] = []) {
    this.known = known.map((p) => ({ ...p, aliases: p.aliases ? [...p.aliases] : undefined }));
  }

  /**
   * Adds a person, or merges into the one with the same name (filling gaps,
   * keeping the stronger role). Returns null for a newcomer once the session
   * has MAX_SESSION_PEOPLE people: no session has that many, and the bound
   * keeps matching every line against the people cheap on hostile input.
   */
  add(seed: PersonSeed): InterchangePerson | null {
    const existing = this.byName(seed.name) ?? this.adoptKnown(seed.name);
    if (existing) {
      const before = `${existing.affiliation}|${existing.handle}`;
      existing.affiliation ??= seed.affiliation ?? undefined;
      existing.note ??= seed.note ?? undefined;
      existing.handle ??= seed.handle ?? undefined;
      if (ROLE_RANK[seed.role] > ROLE_RANK[existing.role]) existing.role = seed.role;
      // Only what is searched (company, handle) makes the index stale.
      if (`${existing.affiliation}|${existing.handle}` !== before) this.sessionIndex = null;
      return existing;
    }
    if (this.people.length >= MAX_SESSION_PEOPLE) {
      this.overflowed = true;
      return null;
    }
    const person: InterchangePerson = { id: this.freshId(seed.name), name: seed.name, role: seed.role };
    if (seed.affiliation) person.affiliation = seed.affiliation;
    if (seed.note) person.note = seed.note;
    if (seed.handle) person.handle = seed.handle;
    this.push(person);
    return person;
  }

  /**
   * The person `label` refers to, among this session's people first and then
   * the caller's known people; a typo, a shortened name ("Amar") or initials
   * that matched are remembered as an alias.
   */
  resolve(label: string): InterchangePerson | null {
    return this.resolveMatch(label)?.person ?? null;
  }

  /** Like {@link resolve}, also saying how the label matched (for the import report's confidence). */
  resolveMatch(label: string): SpeakerMatch | null {
    const match = this.lookup(label);
    if (!match) return null;
    const person = match.person;
    if (!this.people.includes(person)) this.push(person);
    if (match.how === "fuzzy" || match.how === "prefix" || match.how === "initials") {
      const aliases = (person.aliases ??= []);
      // A few spellings are worth keeping; hundreds would only make every lookup rebuild the index.
      if (!aliases.includes(label) && aliases.length < MAX_ALIASES) {
        aliases.push(label);
        // The exact alias map learns it at once; the ranking index still finds it as a typo until the next rebuild.
        const byAlias = this.sessionIndex?.exact.find(([kind]) => kind === "alias")?.[1];
        const key = normalizeText(label);
        if (byAlias && !byAlias.get(key)?.includes(person)) byAlias.set(key, [...(byAlias.get(key) ?? []), person]);
      }
    }
    return match;
  }

  /** Like {@link resolve} but without recording anything; `exactOnly` skips prefixes and typos. */
  lookup(label: string, exactOnly = false): SpeakerMatch | null {
    if (this.people.length !== this.indexedCount) {
      this.sessionIndex = null;
      this.knownIndex = null;
      this.knownOthers = null;
    }
    this.indexedCount = this.people.length;
    this.sessionIndex ??= prepareSpeakerMatch(this.people);
    const inSession = matchSpeaker(label, this.people, this.sessionIndex, exactOnly);
    if (inSession || this.known.length === 0) return inSession;
    const others = (this.knownOthers ??= this.known.filter((p) => !this.people.includes(p)));
    this.knownIndex ??= prepareSpeakerMatch(others);
    return matchSpeaker(label, others, this.knownIndex, exactOnly);
  }

  /** Everyone met so far, in order of first appearance. */
  list(): InterchangePerson[] {
    return this.people.map((p) => {
      const out: InterchangePerson = { ...p };
      if (!out.aliases?.length) delete out.aliases;
      for (const key of ["affiliation", "note", "handle"] as const) if (out[key] == null) delete out[key];
      return out;
    });
  }

  private push(person: InterchangePerson): void {
    this.people.push(person);
    const key = person.name.trim().toLowerCase();
    if (!this.byLowerName.has(key)) this.byLowerName.set(key, person);
  }

  private byName(name: string): InterchangePerson | undefined {
    return this.byLowerName.get(name.trim().toLowerCase());
  }

  private adoptKnown(name: string): InterchangePerson | undefined {
    const key = name.trim().toLowerCase();
    const found = this.known.find((p) => p.name.toLowerCase() === key && !this.people.includes(p));
    if (found) this.push(found);
    return found;
  }

  private freshId(name: string): string {
    const base = slugify(name, { fallback: "person" });
    const taken = new Set([...this.people, ...this.known].map((p) => p.id));
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }
}
