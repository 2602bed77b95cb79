import type { TokenDictionary } from "./types";

/**
 * Calls `onMatch(entry, exact)` for every dictionary token that starts with
 * `query`, in token order. Binary search finds the first one, so the cost is
 * O(log tokens + matches).
 */
export function forEachPrefixMatch(
  dict: TokenDictionary,
  query: string,
  onMatch: (entry: number, exact: boolean) => void,
): void {
  const { tokens } = dict;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]! < query) lo = mid + 1;
    else hi = mid;
  }
  for (let e = lo; e < tokens.length; e++) {
    const token = tokens[e]!;
    if (!token.startsWith(query)) break;
    onMatch(e, token.length === query.length);
  }
}
