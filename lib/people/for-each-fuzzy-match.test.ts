import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "./bounded-edit-distance";
import { buildTokenDictionary } from "./build-token-dictionary";
import { forEachFuzzyMatch } from "./for-each-fuzzy-match";
import { forEachPrefixMatch } from "./for-each-prefix-match";

function dictionaryOf(tokens: string[]) {
  return buildTokenDictionary(new Map(tokens.map((t, i) => [t, [i * 8]])));
}

describe("forEachFuzzyMatch", () => {
  it("finds typos anywhere, including the first letter", () => {
    const dict = dictionaryOf(["jody", "jodymulkey", "mulkey", "kurt", "eishay", "smith"]);
    const found = new Map<string, number>();
    forEachFuzzyMatch(dict, "kody", 1, (e, d) => found.set(dict.tokens[e]!, d));
    expect(found).toEqual(
      new Map([
        ["jody", 1],
        ["jodymulkey", 1],
      ]),
    );
    const eisay: string[] = [];
    forEachFuzzyMatch(dict, "eisay", 1, (e) => eisay.push(dict.tokens[e]!));
    expect(eisay).toEqual(["eishay"]);
  });

  it("matches a brute-force scan over a random dictionary", () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const word = (min: number) => Array.from({ length: min + (next() % 6) }, () => "abcd"[next() % 4]).join("");
    const dict = dictionaryOf([...new Set(Array.from({ length: 400 }, () => word(1)))]);
    for (let q = 0; q < 300; q++) {
      const query = word(3);
      const max = query.length >= 6 ? 2 : 1;
      const got = new Map<number, [number, number]>();
      forEachFuzzyMatch(dict, query, max, (e, d, whole) => got.set(e, [d, whole]));
      const want = new Map<number, [number, number]>();
      dict.tokens.forEach((token, e) => {
        const d = boundedEditDistance(query, token, max, true);
        if (d > 0 && d <= max) want.set(e, [d, boundedEditDistance(query, token, max)]);
      });
      expect(got).toEqual(want);
    }
  });
});

describe("forEachPrefixMatch", () => {
  it("lists every token starting with the query and flags exact ones", () => {
    const dict = dictionaryOf(["jo", "jody", "john", "jodymulkey", "kurt"]);
    const found: [string, boolean][] = [];
    forEachPrefixMatch(dict, "jo", (e, exact) => found.push([dict.tokens[e]!, exact]));
    expect(found).toEqual([
      ["jo", true],
      ["jody", false],
      ["jodymulkey", false],
      ["john", false],
    ]);
  });
});
