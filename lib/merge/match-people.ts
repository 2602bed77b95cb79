import { matchSpeaker } from "../import/match-speaker";
import type { InterchangePerson } from "../interchange/types";
import { normalizeText } from "../people/normalize-text";
import type { PersonMatch } from "./merge-types";

/** Strongest first; a left person already taken by a stronger match is not given to a weaker one. */
const STRENGTH: Record<PersonMatch["how"] & string, number> = {
  id: 9,
  name: 8,
  handle: 7,
  alias: 6,
  "first-name": 5,
  "last-name": 4,
  initials: 3,
  prefix: 2,
  fuzzy: 1,
};

export interface MatchedPeople {
  /** The merged list: left's people (with what the right adds: aliases, affiliation, handle) then right's new ones. */
  people: InterchangePerson[];
  /** Right person id -> merged person id. */
  rightToMerged: Map<string, string>;
  matches: PersonMatch[];
}

/**
 * Ties the people of the right-hand notes to those of the left: the same id
 * with a matching name (two sessions of one conference share person ids),
 * else the importer's matchSpeaker over the name, then the handle, then each
 * alias (full name, handle, alias, first or last name, then lib/people's
 * ranking for prefixes, initials and typos: "Amara Okafr" is Amara Okafor).
 * Each left person is taken once, by the strongest match. Right people left
 * over join the merged list, under a fresh id when theirs is taken (imported
 * files number their people p0, p1, … whoever they are).
 */
export function matchPeople(left: readonly InterchangePerson[], right: readonly InterchangePerson[]): MatchedPeople {
  const candidates: { r: InterchangePerson; l: InterchangePerson; how: NonNullable<PersonMatch["how"]> }[] = [];
  for (const r of right) {
    const sameId = left.find((l) => l.id === r.id);
    if (sameId && matchSpeaker(r.name, [sameId], undefined, false)) {
      candidates.push({ r, l: sameId, how: "id" });
      continue;
    }
    const labels = [r.name, r.handle ?? "", ...(r.aliases ?? [])].filter(Boolean);
    for (const label of labels) {
      const found = matchSpeaker(label, left);
      if (found) {
        candidates.push({ r, l: found.person, how: found.how });
        break;
      }
    }
  }
  candidates.sort((a, b) => STRENGTH[b.how] - STRENGTH[a.how]);
  const takenLeft = new Set<string>();
  const matchOf = new Map<string, { l: InterchangePerson; how: NonNullable<PersonMatch["how"]> }>();
  for (const c of candidates) {
    if (takenLeft.has(c.l.id) || matchOf.has(c.r.id)) continue;
    takenLeft.add(c.l.id);
    matchOf.set(c.r.id, { l: c.l, how: c.how });
  }

  const people: InterchangePerson[] = left.map((p) => ({ ...p, aliases: [...(p.aliases ?? [])] }));
  const byId = new Map(people.map((p) => [p.id, p]));
  const rightToMerged = new Map<string, string>();
  const matches: PersonMatch[] = [];
  const used = new Set(people.map((p) => p.id));
  for (const r of right) {
    const m = matchOf.get(r.id);
    if (m) {
      const merged = byId.get(m.l.id)!;
      for (const spelling of [r.name, ...(r.aliases ?? [])]) {
        const key = normalizeText(spelling);
        if (key && key !== normalizeText(merged.name) && !(merged.aliases ?? []).some((a) => normalizeText(a) === key))
          merged.aliases!.push(spelling);
      }
      // An importer names someone it only saw as a handle by the handle: a real name from the other side is better.
      if (merged.name.startsWith("@") && !r.name.startsWith("@")) {
        merged.aliases = [...merged.aliases!.filter((a) => normalizeText(a) !== normalizeText(r.name)), merged.name];
        merged.name = r.name;
      }
      merged.affiliation ??= r.affiliation ?? null;
      merged.handle ??= r.handle ?? null;
      merged.note ??= r.note ?? null;
      rightToMerged.set(r.id, merged.id);
      matches.push({ id: merged.id, name: merged.name, leftId: m.l.id, rightId: r.id, how: m.how });
      continue;
    }
    let id = r.id;
    for (let n = 2; used.has(id); n++) id = `${r.id}-${n}`;
    used.add(id);
    people.push({ ...r, id, aliases: [...(r.aliases ?? [])] });
    rightToMerged.set(r.id, id);
    matches.push({ id, name: r.name, leftId: null, rightId: r.id, how: null });
  }
  for (const p of left)
    if (!takenLeft.has(p.id)) matches.push({ id: p.id, name: p.name, leftId: p.id, rightId: null, how: null });
  for (const p of people) if (p.aliases?.length === 0) delete p.aliases;
  return { people, rightToMerged, matches };
}
