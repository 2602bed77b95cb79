import type { TokenDictionary } from "./types";

function lowerBound(tokens: readonly string[], key: string): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many postings the tokens starting with `query` hold, in O(log tokens):
 * prefix matches are one contiguous run of the sorted dictionary and their
 * postings one contiguous run of `postings`. Used to pick the most selective
 * word of a multi-word query.
 */
export function countPrefixPostings(dict: TokenDictionary, query: string): number {
  const from = lowerBound(dict.tokens, query);
  const to = lowerBound(dict.tokens, query + "\uffff");
  return dict.postingStart[to]! - dict.postingStart[from]!;
}
