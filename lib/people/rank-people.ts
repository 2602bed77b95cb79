import { boundedEditDistance } from "./bounded-edit-distance";
import { countPrefixPostings } from "./count-prefix-postings";
import { forEachFuzzyMatch } from "./for-each-fuzzy-match";
import { forEachPrefixMatch } from "./for-each-prefix-match";
import { normalizeText } from "./normalize-text";
import {
  FieldKind,
  type MatchedOn,
  type PeopleIndex,
  type PersonCandidate,
  type RankContext,
  type RankedPerson,
} from "./types";

const DEFAULT_LIMIT = 8;
const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 48;

/** Quality when a query word equals a token / is a proper prefix of it, by FieldKind. */
const EXACT = [90, 88, 80, 100, 86, 86, 70, 84];
const PREFIX = [80, 78, 72, 70, 76, 76, 62, 64];
/** A whole-name prefix that runs past the first name ("jodym") is a strong name match. */
const FULL_PAST_FIRST = 86;
/** Qualities at or above this are exact/prefix matches; below are typo matches. */
const STRONG = 50;

const MATCHED: readonly MatchedOn[] = ["name", "first", "last", "alias", "affiliation", "handle", "initials", "fuzzy"];
const M_NAME = 0;
const M_FUZZY = 7;
/** FieldKind -> index into MATCHED. */
const KIND_TO_MATCHED = [1, 2, 0, 0, 3, 5, 4, 6];

/** Context rank: session people above recent ones above everyone else. */
const GROUP_SESSION = 4095;
const GROUP_RECENT_TOP = 4094;

/** Typo budget grows with what was typed: none below 3 characters, 1 up to 5, then 2. */
function maxEditsFor(length: number): number {
  return length >= 6 ? 2 : length >= 3 ? 1 : 0;
}

function fuzzyQuality(distance: number, kind: number, whole: boolean): number {
  const nameBonus = kind <= FieldKind.full ? 4 : 0;
  return 40 - 12 * distance + nameBonus + (whole ? 3 : 0);
}

/** Best (quality * 8 + matched) of one extra query word against one person, or -1. */
function checkWord(index: PeopleIndex, p: number, word: string, handleOnly: boolean, allowTypos: boolean): number {
  const tokens = index.personTokens[p]!;
  const kinds = index.personKinds[p]!;
  let best = -1;
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i]!;
    if (handleOnly && kind !== FieldKind.handle) continue;
    const token = tokens[i]!;
    const result =
      token === word
        ? EXACT[kind]! * 8 + KIND_TO_MATCHED[kind]!
        : token.startsWith(word)
          ? PREFIX[kind]! * 8 + KIND_TO_MATCHED[kind]!
          : -1;
    if (result > best) best = result;
  }
  const maxEdits = maxEditsFor(word.length);
  // Typo matches are all weaker than any prefix match, so only look for them when there is none.
  if (best >= 0 || maxEdits === 0 || !allowTypos) return best;
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[i]!;
    if (handleOnly && kind !== FieldKind.handle) continue;
    const distance = boundedEditDistance(word, tokens[i]!, maxEdits, true);
    if (distance <= maxEdits) best = Math.max(best, fuzzyQuality(distance, kind, false) * 8 + M_FUZZY);
  }
  return best;
}

/**
 * Ranks people for the attribution autocomplete.
 *
 * A query matches by prefix on any name token, the whole name, aliases,
 * handle (with or without `@`; a leading `@` searches handles only),
 * affiliation tokens and initials ("jm", "rar"); with several words every
 * word must match the same person. When exact and prefix matches do not
 * fill `limit`, typos are tolerated by restricted Damerau–Levenshtein on
 * prefixes: 1 edit for 3–5 characters, 2 for 6 or more. The typo search walks
 * the whole sorted token dictionary as a trie instead of prefiltering by first
 * letter or bigram, so "kody" still finds "Jody"; over 10,000 people this
 * stays far under the 2 ms p99 budget (see bench/autocomplete.ts).
 *
 * Order: exact/prefix matches before typo matches; within each, session
 * people first, then recent people in recency order, then everyone else;
 * then match quality; then name. An empty query lists session people (panel
 * order) then recent people, with score 0.
 */
export function rankPeople<P extends PersonCandidate>(
  index: PeopleIndex<P>,
  query: string,
  context: RankContext = {},
): RankedPerson<P>[] {
  const n = index.people.length;
  const limit = Math.min(n, Math.max(0, Math.floor(context.limit ?? DEFAULT_LIMIT)));
  if (limit === 0) return [];

  const s = index.scratch;
  if (s.epoch >= 0x3fffffff) {
    s.epoch = 0;
    s.seen.fill(0);
    s.groupEpoch.fill(0);
  }
  const epoch = ++s.epoch;

  const trimmed = query.trim();
  const handleOnly = trimmed.startsWith("@");
  const normalized = normalizeText(trimmed);
  const words = normalized ? normalized.split(" ", MAX_QUERY_WORDS).map((w) => w.slice(0, MAX_WORD_LENGTH)) : [];

  const contextOrder: number[] = [];
  const markGroup = (ids: readonly string[] | undefined, session: boolean) => {
    let recency = 0;
    for (const id of ids ?? []) {
      const p = index.idToIndex.get(id);
      if (p === undefined || s.groupEpoch[p] === epoch) continue;
      s.groupEpoch[p] = epoch;
      s.groupRank[p] = session ? GROUP_SESSION : GROUP_RECENT_TOP - Math.min(recency++, GROUP_RECENT_TOP - 1);
      contextOrder.push(p);
    }
  };
  markGroup(context.sessionPeopleIds, true);
  markGroup(context.recentIds, false);

  if (words.length === 0) {
    return contextOrder
      .slice(0, limit)
      .map((p) => ({ person: index.people[p]!, score: 0, matchedOn: "name" as const }));
  }

  const { words: dict, initials, firstTokenLength } = index;
  // Drive the search with the most selective word; the others are checked per candidate.
  let driver = 0;
  if (words.length > 1) {
    let fewest = Infinity;
    words.forEach((word, i) => {
      const postings = countPrefixPostings(dict, word);
      if (postings < fewest || (postings === fewest && word.length > words[driver]!.length)) {
        fewest = postings;
        driver = i;
      }
    });
  }
  const driverWord = words[driver]!;

  let count = 0;
  const offer = (p: number, quality: number, matched: number) => {
    if (s.seen[p] !== epoch) {
      s.seen[p] = epoch;
      s.slot[p] = count;
      s.touched[count++] = p;
      s.quality[p] = quality;
      s.matched[p] = matched;
    } else if (quality > s.quality[p]!) {
      s.quality[p] = quality;
      s.matched[p] = matched;
    }
  };

  forEachPrefixMatch(dict, driverWord, (entry, exact) => {
    for (let at = dict.postingStart[entry]!; at < dict.postingStart[entry + 1]!; at++) {
      const posting = dict.postings[at]!;
      const kind = posting & 7;
      if (handleOnly && kind !== FieldKind.handle) continue;
      const p = posting >> 3;
      let quality = exact ? EXACT[kind]! : PREFIX[kind]!;
      if (kind === FieldKind.full && !exact && driverWord.length > firstTokenLength[p]!) quality = FULL_PAST_FIRST;
      offer(p, quality, KIND_TO_MATCHED[kind]!);
    }
  });
  if (words.length === 1 && driverWord.length >= 2 && !handleOnly) {
    forEachPrefixMatch(initials, driverWord, (entry, exact) => {
      for (let at = initials.postingStart[entry]!; at < initials.postingStart[entry + 1]!; at++) {
        offer(initials.postings[at]! >> 3, exact ? EXACT[FieldKind.initials]! : PREFIX[FieldKind.initials]!, 6);
      }
    });
  }

  // Every other query word must match the same person. Typos in those words are
  // only tried when exact/prefix matches do not fill the list.
  const checkOthers = (from: number, to: number, allowTypos: boolean): number => {
    let kept = 0;
    for (let i = from; i < to; i++) {
      const p = s.touched[i]!;
      let quality = s.quality[p]!;
      let matched = s.matched[p]!;
      let allName = matched <= 2;
      for (let w = 0; w < words.length && quality >= 0; w++) {
        if (w === driver) continue;
        const result = checkWord(index, p, words[w]!, handleOnly, allowTypos);
        if (result < 0) {
          quality = -1;
          break;
        }
        const q = result >> 3;
        const m = result & 7;
        allName &&= m <= 2;
        if (m === M_FUZZY || matched === M_FUZZY) matched = M_FUZZY;
        else if (q < quality) matched = m;
        if (q < quality) quality = q;
      }
      if (quality >= 0 && words.length > 1 && allName) matched = M_NAME;
      s.finalQuality[p] = quality;
      s.finalMatched[p] = matched;
      if (quality >= 0) kept++;
    }
    return kept;
  };

  const strongEnd = count;
  const strongKept = checkOthers(0, strongEnd, false);
  const maxEdits = maxEditsFor(driverWord.length);
  // Typo matches always rank below exact/prefix ones, so skip them when those fill the list.
  if (strongKept < limit) {
    if (words.length > 1) checkOthers(0, strongEnd, true);
    if (maxEdits > 0) {
      forEachFuzzyMatch(dict, driverWord, maxEdits, (entry, distance, whole) => {
        for (let at = dict.postingStart[entry]!; at < dict.postingStart[entry + 1]!; at++) {
          const posting = dict.postings[at]!;
          const kind = posting & 7;
          if (handleOnly && kind !== FieldKind.handle) continue;
          const p = posting >> 3;
          if (s.seen[p] === epoch && s.slot[p]! < strongEnd) continue;
          offer(p, fuzzyQuality(distance, kind, whole === distance), M_FUZZY);
        }
      });
      checkOthers(strongEnd, count, true);
    }
  }

  // Keep the best `limit` by one numeric key: band, context group, quality, name.
  const topKey = new Float64Array(limit).fill(-1);
  const topPerson = new Int32Array(limit);
  let filled = 0;
  for (let i = 0; i < count; i++) {
    const p = s.touched[i]!;
    const quality = s.finalQuality[p]!;
    if (quality < 0) continue;
    const group = s.groupEpoch[p] === epoch ? s.groupRank[p]! : 0;
    const band = quality >= STRONG ? 1 : 0;
    const key = ((band * 4096 + group) * 128 + quality) * n + (n - 1 - index.nameRank[p]!);
    if (filled === limit && key <= topKey[limit - 1]!) continue;
    let at = filled < limit ? filled++ : limit - 1;
    while (at > 0 && topKey[at - 1]! < key) {
      topKey[at] = topKey[at - 1]!;
      topPerson[at] = topPerson[at - 1]!;
      at--;
    }
    topKey[at] = key;
    topPerson[at] = p;
  }

  const results: RankedPerson<P>[] = [];
  for (let i = 0; i < filled; i++) {
    const p = topPerson[i]!;
    results.push({ person: index.people[p]!, score: s.finalQuality[p]!, matchedOn: MATCHED[s.finalMatched[p]!]! });
  }
  return results;
}
