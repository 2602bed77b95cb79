/** The `Person.aliases` column (a JSON array of strings) as a list; anything unreadable is no aliases. */
export function parseAliases(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}
