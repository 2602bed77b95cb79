import type { InterchangePerson } from "../interchange/types";
import { editDistance } from "./edit-distance";

/** How a label was tied to a person, strongest first. */
export type SpeakerMatchKind = "name" | "handle" | "alias" | "first-name" | "last-name" | "fuzzy";

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
 * "Jody Mulkey", "@jmulkey", an alias, or a typo such as "Jodi" or "Eisay").
 *
 * Tries, in order, and stops at the first kind that gives exactly one person:
 * full name, handle, alias, first name, last name, then typo tolerance
 * (see {@link fuzzyLimit}; the first letter must agree, which is where
 * note-takers rarely slip and where unrelated names usually differ).
 * Comparison ignores case, accents and extra spaces.
 *
 * Returns null when nothing matches or when the best kind of match is
 * ambiguous (two "Jay"s): guessing would put words in the wrong mouth.
 */
export function matchSpeaker<P extends MatchablePerson>(label: string, people: readonly P[]): SpeakerMatch<P> | null {
  const key = fold(label.replace(/^@/, ""));
  if (!key) return null;
  const exact: [SpeakerMatchKind, (p: P) => boolean][] = [
    ["name", (p) => fold(p.name) === key],
    ["handle", (p) => !!p.handle && fold(p.handle.replace(/^@/, "")) === key],
    ["alias", (p) => (p.aliases ?? []).some((a) => fold(a) === key)],
    ["first-name", (p) => firstName(p.name) === key],
    ["last-name", (p) => lastName(p.name) === key],
  ];
  for (const [how, test] of exact) {
    const found = unique(people.filter(test));
    if (found === "ambiguous") return null;
    if (found) return { person: found, how, distance: 0 };
  }

  let best: P[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const person of people) {
    const forms = [fold(person.name), firstName(person.name), lastName(person.name), ...(person.aliases ?? []).map(fold)];
    for (const form of forms) {
      if (!form || form[0] !== key[0]) continue;
      const limit = fuzzyLimit(Math.min(form.length, key.length));
      const d = editDistance(key, form, limit);
      if (d > limit) continue;
      if (d < bestDistance) {
        best = [person];
        bestDistance = d;
      } else if (d === bestDistance && !best.includes(person)) {
        best.push(person);
      }
    }
  }
  const [only] = best;
  return best.length === 1 && only ? { person: only, how: "fuzzy", distance: bestDistance } : null;
}

/**
 * Typos tolerated for a name of this length: none up to 3 letters ("Jay" vs
 * "Ray" are different people), one up to 7, two beyond.
 */
export function fuzzyLimit(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

function unique<P>(found: P[]): P | "ambiguous" | null {
  if (found.length > 1) return "ambiguous";
  return found[0] ?? null;
}

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]+/gu, " ")
    .trim();
}

function firstName(name: string): string {
  const parts = fold(name).split(" ");
  return parts.length > 1 ? (parts[0] ?? "") : "";
}

function lastName(name: string): string {
  const parts = fold(name).split(" ");
  return parts.length > 1 ? (parts[parts.length - 1] ?? "") : "";
}
