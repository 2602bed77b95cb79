import type { TokenDictionary } from "./types";

/**
 * Freezes token -> postings into a sorted dictionary. Sorting by UTF-16 code
 * unit makes tokens sharing a prefix adjacent, so the array works as an
 * implicit trie: prefix search is a binary search, and fuzzy search reuses the
 * edit-distance rows of the shared prefix (`lcp`).
 */
export function buildTokenDictionary(postingsByToken: ReadonlyMap<string, readonly number[]>): TokenDictionary {
  const tokens = [...postingsByToken.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lcp = new Int32Array(tokens.length);
  const postingStart = new Int32Array(tokens.length + 1);
  let total = 0;
  for (const list of postingsByToken.values()) total += list.length;
  const postings = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0) {
      const before = tokens[i - 1]!;
      const max = Math.min(before.length, token.length);
      let shared = 0;
      while (shared < max && before.charCodeAt(shared) === token.charCodeAt(shared)) shared++;
      lcp[i] = shared;
    }
    postingStart[i] = at;
    for (const posting of postingsByToken.get(token)!) postings[at++] = posting;
  }
  postingStart[tokens.length] = at;
  return { tokens, lcp, postingStart, postings };
}
