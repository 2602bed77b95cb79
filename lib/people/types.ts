/**
 * Shapes shared by the attribution autocomplete: the people it ranks, the
 * context a note-taker is typing in, and what a ranking returns.
 */

/**
 * A person that can be attributed. `InterchangePerson` from `talknotes/1`
 * satisfies this shape, so interchange people can be indexed directly.
 */
export interface PersonCandidate {
  /** Stable id; context lists and results refer to people by it. */
  id: string;
  /** Full display name, e.g. "Jody Mulkey". */
  name: string;
  /** Company or organisation, e.g. "Shopzilla". */
  affiliation?: string | null;
  /** Social handle, with or without the leading `@`. */
  handle?: string | null;
  /** Other spellings that refer to this person (nicknames, typos seen). */
  aliases?: string[];
}

/** Which field of a person the query matched. */
export type MatchedOn = "name" | "first" | "last" | "alias" | "affiliation" | "handle" | "initials" | "fuzzy";

/** Where the note-taker is typing; every field is optional. */
export interface RankContext {
  /** People in the current session (speakers, panelists, moderator), in panel order. */
  sessionPeopleIds?: string[];
  /** People recently attributed to, most recent first. */
  recentIds?: string[];
  /** Maximum number of results; defaults to 8. */
  limit?: number;
}

/** One autocomplete suggestion. */
export interface RankedPerson<P extends PersonCandidate = PersonCandidate> {
  person: P;
  /**
   * Match quality, 0–100, independent of session and recency: 100 is the
   * whole name typed exactly, 60–90 exact or prefix matches, below 50 typo
   * matches. 0 for the context-only suggestions of an empty query. The array
   * order, not this number, is the ranking.
   */
  score: number;
  /** The field that matched; "fuzzy" when the match needed a typo correction. */
  matchedOn: MatchedOn;
}

/**
 * Sorted, de-duplicated tokens with their postings, searched as an implicit
 * trie: `lcp[i]` is the length of the prefix token i shares with token i-1.
 * A posting is `personIndex * 8 + FieldKind`.
 */
export interface TokenDictionary {
  readonly tokens: readonly string[];
  readonly lcp: Int32Array;
  /** Postings of token i are `postings[postingStart[i] .. postingStart[i+1])`. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
}

/** Which person field a token came from (low three bits of a posting). */
export const FieldKind = {
  first: 0,
  last: 1,
  middle: 2,
  /** The whole name without spaces, so "jodym" reaches "Jody Mulkey". */
  full: 3,
  alias: 4,
  handle: 5,
  affiliation: 6,
  initials: 7,
} as const;
export type FieldKind = (typeof FieldKind)[keyof typeof FieldKind];

/**
 * Reusable per-index buffers so a query allocates nothing proportional to the
 * number of people. Safe because ranking is synchronous.
 */
export interface RankScratch {
  epoch: number;
  seen: Int32Array;
  slot: Int32Array;
  /** Best match of the driving query word, per person. */
  quality: Int32Array;
  matched: Int8Array;
  /** After checking the other query words; -1 when one of them does not match. */
  finalQuality: Int32Array;
  finalMatched: Int8Array;
  touched: Int32Array;
  groupEpoch: Int32Array;
  groupRank: Int32Array;
}

/** Precomputed search structures for one list of people; build with `createPeopleIndex`. */
export interface PeopleIndex<P extends PersonCandidate = PersonCandidate> {
  readonly people: readonly P[];
  /** Name, alias, handle and affiliation tokens (plus whole names). */
  readonly words: TokenDictionary;
  /** Initials ("jm", "rar"); matched exactly or by prefix only, never fuzzily. */
  readonly initials: TokenDictionary;
  /** Per person: its word tokens except the whole name, to check extra query words. */
  readonly personTokens: readonly (readonly string[])[];
  /** Per person: the FieldKind of each entry of `personTokens`. */
  readonly personKinds: readonly Uint8Array[];
  /** Per person: length of the normalized first name token. */
  readonly firstTokenLength: Int32Array;
  /** Per person: position in name order, the final tie-break. */
  readonly nameRank: Int32Array;
  readonly idToIndex: ReadonlyMap<string, number>;
  readonly scratch: RankScratch;
}
