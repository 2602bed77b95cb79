import { describe, expect, it } from "vitest";
import { boundedEditDistance } from "./bounded-edit-distance";

describe("boundedEditDistance", () => {
  it("counts substitutions, insertions and deletions", () => {
    expect(boundedEditDistance("jodi", "jody", 2)).toBe(1);
    expect(boundedEditDistance("kurtt", "kurt", 2)).toBe(1);
    expect(boundedEditDistance("kody", "jody", 2)).toBe(1);
    expect(boundedEditDistance("jody", "jody", 2)).toBe(0);
  });
  it("counts an adjacent transposition as one edit", () => {
    expect(boundedEditDistance("jdoy", "jody", 2)).toBe(1);
    expect(boundedEditDistance("mlune", "milne", 2)).toBe(2);
  });
  it("caps at maxEdits + 1", () => {
    expect(boundedEditDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(boundedEditDistance("jody", "jody mulkey", 1)).toBe(2);
  });
  it("measures against the closest prefix in prefix mode", () => {
    expect(boundedEditDistance("eisay", "eishay", 1, true)).toBe(1);
    expect(boundedEditDistance("mulk", "mulkey", 1, true)).toBe(0);
    expect(boundedEditDistance("mulkei", "mulkeyson", 2, true)).toBe(1);
    expect(boundedEditDistance("xyz", "mulkey", 1, true)).toBe(2);
  });
  it("agrees with an unbounded reference on random strings", () => {
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
          d[i]![j] = v;
        }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const word = () => Array.from({ length: 1 + (next() % 7) }, () => "abc"[next() % 3]).join("");
    for (let i = 0; i < 2000; i++) {
      const a = word();
      const b = word();
      for (const max of [1, 2]) {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
        let prefixBest = max + 1;
        for (let k = 0; k <= b.length; k++) prefixBest = Math.min(prefixBest, reference(a, b.slice(0, k)));
        expect(boundedEditDistance(a, b, max, true)).toBe(prefixBest);
      }
    }
  });
});
