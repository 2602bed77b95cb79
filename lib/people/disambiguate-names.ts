import { normalizeText } from "./normalize-text";
import type { PersonCandidate } from "./types";

/** A short display label for a speaker chip. */
export interface PersonLabel {
  /** "Jody", "Jody M." or "Jody Mulkey". */
  label: string;
  /** True when the bare first name was not enough among these people. */
  disambiguated: boolean;
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Short labels that tell these people apart: the first name when no one
 * else here shares it, else "First L." when the last initial separates them,
 * else the full name (plus the affiliation when even full names collide).
 * Comparisons ignore case and accents, so "José" and "Jose" collide.
 * Pass the people of one context (a session's panel), not the conference.
 */
export function disambiguateNames(people: readonly PersonCandidate[]): Map<string, PersonLabel> {
  const parts = people.map((person) => person.name.trim().split(/\s+/).filter(Boolean));
  const firstKeys = parts.map((words) => normalizeText(words[0] ?? ""));
  const initialed = parts.map((words) =>
    words.length > 1 ? `${words[0]} ${words[words.length - 1]!.charAt(0).toLocaleUpperCase()}.` : (words[0] ?? ""),
  );
  const initialedKeys = initialed.map((label) => normalizeText(label));
  const fullKeys = people.map((person) => normalizeText(person.name));
  const firstCounts = countBy(firstKeys);
  const initialedCounts = countBy(initialedKeys);
  const fullCounts = countBy(fullKeys);

  const labels = new Map<string, PersonLabel>();
  people.forEach((person, i) => {
    const words = parts[i]!;
    const fullName = words.join(" ");
    let label: string;
    if (firstCounts.get(firstKeys[i]!) === 1) label = words[0] ?? "";
    else if (words.length > 1 && initialedCounts.get(initialedKeys[i]!) === 1) label = initialed[i]!;
    else if (fullCounts.get(fullKeys[i]!) === 1 || !person.affiliation) label = fullName;
    else label = `${fullName} (${person.affiliation})`;
    labels.set(person.id, { label, disambiguated: firstCounts.get(firstKeys[i]!) !== 1 });
  });
  return labels;
}
