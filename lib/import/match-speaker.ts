import type { InterchangePerson } from "../interchange/types";
import { createPeopleIndex } from "../people/create-people-index";
import { normalizeText } from "../people/normalize-text";
import { rankPeople } from "../people/rank-people";
import type { SpeakerMatchIndex } from "./prepare-speaker-match";
import { prepareSpeakerMatch } from "./prepare-speaker-match";

/** How a label was tied to a person, strongest first. */
export type SpeakerMatchKind =
  "name" | "handle" | "alias" | "first-name" | "last-name" | "initials" | "prefix" | "fuzzy";

export interface SpeakerMatch<P extends MatchablePerson = InterchangePerson> {
  person: P;
  how: SpeakerMatchKind;
  /** Edit distance for `fuzzy` matches; 0 otherwise. */
  distance: number;
}

/** The people a label may refer to; only the fields matching needs. */
export type MatchablePerson = Pick<InterchangePerson, "id" | "name"> & Partial<InterchangePerson>;

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
export function matchSpeaker<P extends MatchablePerson>(
  label: string,
  people: readonly P[],
  /** Built once per list of people (prepareSpeakerMatch) when many labels are matched against it. */
  index: SpeakerMatchIndex<P> = prepareSpeakerMatch(people),
  /** Only full name, handle, alias, first or last name: no prefixes or typos. */
  exactOnly = false,
): SpeakerMatch<P> | null {
  const key = normalizeText(label.replace(/^@/, ""));
  if (!key || key.length > 200) return null;
  for (const [how, byKey] of index.exact) {
    const found = byKey.get(key);
    if (found && found.length > 1) return null;
    if (found?.[0]) return { person: found[0], how, distance: 0 };
  }
  if (people.length === 0 || exactOnly) return null;

  index.ranking ??= createPeopleIndex(people);
  const ranked = rankPeople(index.ranking, label, { limit: 2 });
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
  if (best.matchedOn === "initials")
    return key.length >= 2 ? { person: best.person, how: "initials", distance: 0 } : null;
  if ((words[0] ?? "").length < 3) return null;
  return { person: best.person, how: "prefix", distance: 0 };
}

function nameTokens(p: MatchablePerson): string[] {
  return [p.name, p.handle ?? "", ...(p.aliases ?? [])]
    .flatMap((s) => normalizeText(s.replace(/^@/, "")).split(" "))
    .filter(Boolean);
}
