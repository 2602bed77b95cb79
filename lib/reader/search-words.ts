const TOKEN = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 12;

/**
 * The words of what a reader typed into a search box (letters and digits
 * only, at most 12): whatever else they typed, quotes, operators, column
 * names, is never query syntax. Both databases' queries are built from these.
 */
export function searchWords(input: string): string[] {
  return (input.normalize("NFKC").match(TOKEN) ?? []).slice(0, MAX_TERMS);
}
