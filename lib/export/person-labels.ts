import type { InterchangePerson } from "../interchange/types";

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

/**
 * How each person is named in answers: their first name, as bloggers write
 * ("Jody:"), unless another person in the document shares that first name
 * (case-insensitively), in which case both are named in full.
 */
export function personLabels(people: readonly InterchangePerson[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const p of people) {
    const key = firstName(p.name).toLocaleLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const labels = new Map<string, string>();
  for (const p of people) {
    const first = firstName(p.name);
    const collides = (counts.get(first.toLocaleLowerCase()) ?? 0) > 1;
    labels.set(p.id, (collides ? p.name.trim() : first) || p.id);
  }
  return labels;
}
