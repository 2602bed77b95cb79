import { describe, expect, it } from "vitest";
import { importNotes } from "./import-notes";
import { parsePersonLine } from "./parse-person-line";
import { parseSpeakerList } from "./parse-speaker-list";
import { parseTalkHeader } from "./parse-talk-header";
import { parseTrailingAttribution } from "./parse-attribution";

/**
 * What the importer reads beyond plain threads (ARCHITECTURE.md, "Importing
 * notes": people found anywhere, talk headers by
 * parts, trailing attributions, matching through the people index) must stay
 * linear on hostile input: inputs of a few megabytes shaped to hit each new
 * step's worst case finish in well under the time a quadratic step would
 * need. (tokenize-lines' own whitespace handling is the hardening issue's.)
 */
/** Distinct capitalised name words for i: "Baca", "Bacb", ... */
const word = (i: number) => {
  let s = "";
  for (let n = i + 26 * 26; n > 0; n = Math.floor(n / 26)) s = String.fromCharCode(97 + (n % 26)) + s;
  return s[0]!.toUpperCase() + s.slice(1);
};
const time = (f: () => unknown) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

/** Best of two runs, to see through a busy machine. */
const best = (f: () => unknown) => Math.min(time(f), time(f));
/**
 * A loose ceiling: a quadratic step on these sizes takes minutes, a linear one
 * well under a second on an idle machine, and test machines are shared.
 */
const BUDGET_MS = 10_000;

describe("hostile notes stay linear", () => {
  // Each shape at n and 8n: a linear step takes about 8 times as long, a quadratic one 64 times;
  // the wide margin keeps a busy, shared machine from failing a linear step.
  const shapes: [string, (n: number) => string][] = [
    [
      "distinct people in one list",
      (n) =>
        `Talk notes: T\n\n${Array.from({ length: n }, (_, i) => `${word(i)} ${word(i + 1)} (Co ${i})`).join("\n")}\n\n- x\n`,
    ],
    [
      "distinct audience members answering",
      (n) =>
        `# T\n\nAda Byrne (X)\nBo Chen (Y)\n\n- Q: why?\n${Array.from({ length: n }, (_, i) => `  - ${word(i)}: "yes"`).join("\n")}\n`,
    ],
    [
      "first-name, typo and byline attributions",
      (n) =>
        `# T\n\nAlice Zhang (X)\nBobby Ortiz (Y)\n\n- Q: why?\n${Array.from({ length: n }, (_, i) => `  - ${i % 2 ? "Alcie" : "Bobby"}: "yes" — Alice`).join("\n")}\n`,
    ],
    [
      "Ignite talk headers",
      (n) =>
        `Ignite talks\n\n${Array.from({ length: n }, (_, i) => `• Talk ${i}: ${word(i)} ${word(i + 7)} from Co, ${word(i)}@example.org`).join("\n")}\n`,
    ],
    ["one line of separators", (n) => `# T\n\n- ${"A B: C, D - E — F (G @h) ".repeat(n)}\n`],
    ["one people line", (n) => `Panel: ${"Ada Byrne (X; y), ".repeat(n)}\n\n- x\n`],
    ["one line of parentheses", (n) => `# T\n\n- ${"(".repeat(n * 10)}${")".repeat(n * 10)}\n`],
    ["one line of @ and dots", (n) => `Ignite\n\n• T: ${"a@b.".repeat(n * 5)}\n`],
  ];
  for (const [name, make] of shapes) {
    it(
      name,
      () => {
        const small = make(5_000);
        const large = make(40_000);
        expect(large.length).toBeLessThan(5 * 1024 * 1024);
        importNotes(small); // warm up
        const t1 = best(() => importNotes(small));
        const t8 = best(() => importNotes(large));
        expect(t8, `${t1.toFixed(0)} ms -> ${t8.toFixed(0)} ms`).toBeLessThan(24 * t1 + 300);
        expect(t8).toBeLessThan(BUDGET_MS);
      },
      60_000,
    );
  }

  it("line parsers bail out or stay linear on megabyte lines", () => {
    const long = "Ada Byrne, ".repeat(200_000);
    // A 2 MB line is refused by its length (microseconds); 1 s only leaves room for a busy machine.
    expect(time(() => parsePersonLine(long))).toBeLessThan(BUDGET_MS / 10);
    expect(time(() => parseTalkHeader(`${"Title: ".repeat(200_000)}Ada Byrne from X`))).toBeLessThan(BUDGET_MS);
    expect(time(() => parseTalkHeader(`${"a, ".repeat(500_000)}Ada Byrne, X`))).toBeLessThan(BUDGET_MS);
    expect(time(() => parseTrailingAttribution(`${"x — ".repeat(500_000)}Ada`))).toBeLessThan(BUDGET_MS);
    expect(time(() => parseSpeakerList(`${"A and ".repeat(300_000)}B`))).toBeLessThan(BUDGET_MS);
    expect(time(() => parseSpeakerList(`${"Ada (".repeat(300_000)}`))).toBeLessThan(BUDGET_MS);
  }, 60_000);
});
