import { searchWords } from "./search-words";

/**
 * Turns what a reader typed into a safe SQLite FTS5 MATCH expression: every
 * word becomes a quoted term (so FTS5 operators, quotes, column filters and
 * parentheses in the input are plain text, never syntax), all terms must
 * match, and the last word also matches as a prefix, so results appear while
 * a word is half-typed. Only the `speaker` and `text` columns are searched
 * (ids in the index are not reader text). Null when there is nothing to search for.
 */
export function ftsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  const terms = words.map((w, i) => `"${w}"${i === words.length - 1 ? " *" : ""}`).join(" ");
  return `{speaker text} : (${terms})`;
}
