import type { InterchangePerson } from "../interchange/types";
import { createPeopleIndex } from "../people/createPeopleIndex";
import { normalizeText } from "../people/normalizeText";
import { rankPeople } from "../people/rankPeople";
import type { PeopleIndex } from "../people/types";

/** How a label was tied to a person, strongest first. */
export type SpeakerMatchKind = "name" | "handle" | "alias" | "first-name" | "last-name" | "initials" | "prefix" | "fuzzy";

export interface SpeakerMatch<P extends MatchablePerson = InterchangePerson> {
  person: P;
  how: SpeakerMatchKind;
  /** Edit distance for `fuzzy` matches; 0 otherwise. */
  distance: number;
}

/** The people a label may refer to; only the fields matching needs. */
export type MatchablePerson = Pick<InterchangePerson, "id" | "name"> & Partial<InterchangePerson>;

/** How sure a match is, by kind: what the import report shows next to each guess. */
export const MATCH_CONFIDENCE: Record<SpeakerMatchKind, number> = {
  name: 1,
  handle: 1,
  alias: 0.95,
  "first-name": 0.9,
  "last-name": 0.85,
  initials: 0.7,
  prefix: 0.7,
  fuzzy: 0.6,
};

/** The confidence of one match; a two-letter typo is less sure than a one-letter one. */
export function matchConfidence(match: Pick<SpeakerMatch, "how" | "distance">): number {
  return match.how === "fuzzy" ? Math.max(0.3, 0.7 - 0.15 * match.distance) : MATCH_CONFIDENCE[match.how];
}

/**
 * Finds the person a note-taker meant by `label` ("Jody", "Mulkey",
 * "Jody Mulkey", "@jmulkey", an alias, "Mary K.", or a typo such as "Jodi"
 * or "Eisay").
 *
 * Exact kinds first, in order, stopping at the first kind that gives exactly
 * one person: full name, handle, alias, first name, last name. Then the
 * attribution autocomplete's ranking (lib/people rankPeople: prefixes,
 * initials, typo tolerance) decides, with the stricter rules an importer
 * needs because nobody is watching the suggestion: the best candidate must
 * be unique, match on the name, handle, alias or initials (never the
 * company), a typo needs at least 4 letters ("Jay" vs "Ray" are different
 * people) and the first letter must agree, which is where note-takers rarely
 * slip and where unrelated names usually differ. Comparison ignores case,
 * accents and punctuation.
 *
 * Returns null when nothing matches or when the best kind of match is
 * ambiguous (two "Jay"s): guessing would put words in the wrong mouth.
 */
export function matchSpeaker<P extends MatchablePerson>(label: string, people: readonly P[], index?: PeopleIndex<P>): SpeakerMatch<P> | null {
  const key = normalizeText(label.replace(/^@/, ""));
  if (!key) return null;
  const exact: [SpeakerMatchKind, (p: P) => boolean][] = [
    ["name", (p) => normalizeText(p.name) === key],
    ["handle", (p) => !!p.handle && normalizeText(p.handle.replace(/^@/, "")) === key],
    ["alias", (p) => (p.aliases ?? []).some((a) => normalizeText(a) === key)],
    ["first-name", (p) => firstName(p.name) === key],
    ["last-name", (p) => lastName(p.name) === key],
  ];
  for (const [how, test] of exact) {
    const found = unique(people.filter(test));
    if (found === "ambiguous") return null;
    if (found) return { person: found, how, distance: 0 };
  }
  if (people.length === 0) return null;

  const ranked = rankPeople(index ?? createPeopleIndex(people), label, { limit: 2 });
  const [best, second] = ranked;
  if (!best || (second && second.score === best.score)) return null;
  if (best.matchedOn === "affiliation") return null;
  const words = key.split(" ");
  if (best.matchedOn === "fuzzy") {
    if (key.replace(/ /g, "").length < 4) return null;
    const initials = new Set(nameTokens(best.person).map((t) => t[0]));
    if (!words.every((w) => initials.has(w[0]))) return null;
    return { person: best.person, how: "fuzzy", distance: best.score >= 28 ? 1 : 2 };
  }
  // A prefix ("Chris" for "Christopher", "Mary K." for "Mary K. Lee") needs three letters to mean anyone.
  if (best.matchedOn === "initials") return key.length >= 2 ? { person: best.person, how: "initials", distance: 0 } : null;
  if ((words[0] ?? "").length < 3) return null;
  return { person: best.person, how: "prefix", distance: 0 };
}

function unique<P>(found: P[]): P | "ambiguous" | null {
  if (found.length > 1) return "ambiguous";
  return found[0] ?? null;
}

function nameTokens(p: MatchablePerson): string[] {
  return [p.name, p.handle ?? "", ...(p.aliases ?? [])].flatMap((s) => normalizeText(s.replace(/^@/, "")).split(" ")).filter(Boolean);
}

function firstName(name: string): string {
  const parts = normalizeText(name).split(" ");
  return parts.length > 1 ? (parts[0] ?? "") : "";
}

function lastName(name: string): string {
  const parts = normalizeText(name).split(" ");
  return parts.length > 1 ? (parts[parts.length - 1] ?? "") : "";
}
