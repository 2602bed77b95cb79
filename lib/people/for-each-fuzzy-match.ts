import { fillOsaRow } from "./fill-osa-row";
import type { TokenDictionary } from "./types";

const NEVER = 0x3fffffff;
let rows = new Int32Array(0);
let best = new Int32Array(0);

/**
 * Calls `onMatch(entry, distance, wholeDistance)` for every dictionary token
 * that has a prefix within `maxEdits` (1..maxEdits, never 0: exact prefixes
 * are the caller's strong matches) of `query` under optimal string alignment.
 * `wholeDistance` is the distance to the whole token, or `maxEdits + 1`.
 *
 * The sorted dictionary is walked as a trie (a Levenshtein-automaton walk
 * without building the automaton): rows for a prefix shared with the
 * previous token are reused, and once a row exceeds `maxEdits` every token
 * below that prefix is settled in O(1). No first-letter prefilter is used,
 * so typos in the first letter ("kody" -> "jody") are still found.
 */
export function forEachFuzzyMatch(
  dict: TokenDictionary,
  query: string,
  maxEdits: number,
  onMatch: (entry: number, distance: number, wholeDistance: number) => void,
): void {
  const m = query.length;
  const width = m + 1;
  const cap = maxEdits + 1;
  const maxDepth = m + maxEdits;
  if (rows.length < (maxDepth + 1) * width) rows = new Int32Array((maxDepth + 1) * width * 2);
  if (best.length < maxDepth + 2) best = new Int32Array((maxDepth + 2) * 2);
  for (let j = 0; j <= m; j++) rows[j] = j < cap ? j : cap;
  best[0] = m < cap ? m : cap;

  const { tokens, lcp } = dict;
  let computed = 0;
  let deadAt = NEVER;
  for (let e = 0; e < tokens.length; e++) {
    const shared = lcp[e]!;
    if (deadAt <= shared) {
      // Same hopeless or already-settled prefix as the token before.
      const distance = best[deadAt - 1]!;
      if (distance > 0 && distance <= maxEdits) onMatch(e, distance, cap);
      continue;
    }
    const token = tokens[e]!;
    const stop = token.length < maxDepth ? token.length : maxDepth;
    let d = shared < computed ? shared : computed;
    deadAt = NEVER;
    while (d < stop) {
      d++;
      const rowMin = fillOsaRow(rows, d, token, query, maxEdits);
      const atEnd = d >= m - maxEdits ? rows[d * width + m]! : cap;
      const before = best[d - 1]!;
      best[d] = atEnd < before ? atEnd : before;
      if (rowMin >= cap) {
        deadAt = d;
        break;
      }
    }
    computed = d;
    // Past query length + maxEdits no row can be in range.
    if (deadAt === NEVER && token.length > maxDepth) deadAt = maxDepth + 1;
    const settled = deadAt === NEVER ? token.length : deadAt - 1;
    const distance = best[settled]!;
    if (distance === 0 || distance > maxEdits) continue;
    const whole = deadAt === NEVER && token.length >= m - maxEdits ? rows[token.length * width + m]! : cap;
    onMatch(e, distance, whole);
  }
}
