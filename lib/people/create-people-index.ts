import { buildTokenDictionary } from "./build-token-dictionary";
import { normalizeText } from "./normalize-text";
import { FieldKind, type PeopleIndex, type PersonCandidate } from "./types";

/** A word in a script written without spaces between family and given name (Chinese, Japanese, Korean). */
const UNSPACED_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]{2,12}$/u;

function tokensOf(text: string | null | undefined): string[] {
  if (!text) return [];
  const normalized = normalizeText(text);
  return normalized ? normalized.split(" ") : [];
}

/**
 * Precomputes everything `rankPeople` needs for these people: normalized
 * name, alias, handle and affiliation tokens in a sorted dictionary, initials,
 * name order and reusable scratch buffers. Build once per conference (or when
 * the people list changes); queries then do no per-person normalization.
 * People with a duplicate id are searchable, but context ids resolve to the first.
 */
export function createPeopleIndex<P extends PersonCandidate>(people: readonly P[]): PeopleIndex<P> {
  const n = people.length;
  const words = new Map<string, number[]>();
  const initials = new Map<string, number[]>();
  const personTokens: string[][] = [];
  const personKinds: Uint8Array[] = [];
  const firstTokenLength = new Int32Array(n);
  const idToIndex = new Map<string, number>();
  const normalizedNames: string[] = [];

  for (let p = 0; p < n; p++) {
    const person = people[p]!;
    if (!idToIndex.has(person.id)) idToIndex.set(person.id, p);
    const tokens: string[] = [];
    const kinds: number[] = [];
    const add = (map: Map<string, number[]>, token: string, kind: FieldKind, checkable: boolean) => {
      if (!token) return;
      let list = map.get(token);
      if (!list) map.set(token, (list = []));
      const posting = p * 8 + kind;
      if (list[list.length - 1] === posting) return;
      list.push(posting);
      if (checkable) {
        tokens.push(token);
        kinds.push(kind);
      }
    };

    const name = tokensOf(person.name);
    normalizedNames.push(name.join(" "));
    firstTokenLength[p] = name[0]?.length ?? 0;
    name.forEach((token, i) => {
      const kind = i === 0 ? FieldKind.first : i === name.length - 1 ? FieldKind.last : FieldKind.middle;
      add(words, token, kind, true);
      // "山田太郎", "王小明", "김민수" are one word: the given name is found by its start too ("太郎", "小明").
      if (UNSPACED_SCRIPT.test(token))
        for (let at = 1; at < token.length; at++) add(words, token.slice(at), FieldKind.last, true);
    });
    if (name.length > 1) {
      add(words, name.join(""), FieldKind.full, false);
      add(initials, name.map((t) => t[0]).join(""), FieldKind.initials, false);
      if (name.length > 2) add(initials, name[0]![0]! + name[name.length - 1]![0]!, FieldKind.initials, false);
    }
    for (const alias of person.aliases ?? []) {
      const parts = tokensOf(alias);
      for (const part of parts) add(words, part, FieldKind.alias, true);
      if (parts.length > 1) add(words, parts.join(""), FieldKind.alias, true);
    }
    // Handles are one word however they are punctuated: "@jay_lyman" -> "jaylyman".
    add(words, tokensOf(person.handle).join(""), FieldKind.handle, true);
    for (const part of tokensOf(person.affiliation)) add(words, part, FieldKind.affiliation, true);

    personTokens.push(tokens);
    personKinds.push(Uint8Array.from(kinds));
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const x = normalizedNames[a]!;
    const y = normalizedNames[b]!;
    if (x !== y) return x < y ? -1 : 1;
    const ida = people[a]!.id;
    const idb = people[b]!.id;
    return ida < idb ? -1 : ida > idb ? 1 : a - b;
  });
  const nameRank = new Int32Array(n);
  order.forEach((p, rank) => (nameRank[p] = rank));

  return {
    people,
    words: buildTokenDictionary(words),
    initials: buildTokenDictionary(initials),
    personTokens,
    personKinds,
    firstTokenLength,
    nameRank,
    idToIndex,
    scratch: {
      epoch: 0,
      seen: new Int32Array(n),
      slot: new Int32Array(n),
      quality: new Int32Array(n),
      matched: new Int8Array(n),
      finalQuality: new Int32Array(n),
      finalMatched: new Int8Array(n),
      touched: new Int32Array(n),
      groupEpoch: new Int32Array(n),
      groupRank: new Int32Array(n),
    },
  };
}
