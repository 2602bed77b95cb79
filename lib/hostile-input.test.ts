import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeNotesFile } from "./import/decode-notes-file";
import { MAX_NOTES_BYTES } from "./import/import-error";
import { importNotes } from "./import/import-notes";
import { tokenizeLines } from "./import/tokenize-lines";
import { parseInterchange } from "./interchange/parse-interchange";
import { createPeopleIndex } from "./people/create-people-index";
import { normalizeText } from "./people/normalize-text";
import { rankPeople } from "./people/rank-people";
import { ftsQuery } from "./reader/fts-query";
import { MAX_SCHEDULE_BYTES } from "./schedule/check-schedule-size";
import { parseOffsetDateTime } from "./schedule/parse-offset-date-time";
import { parseScheduleDuration } from "./schedule/parse-schedule-duration";
import { readSchedule } from "./schedule/read-schedule";
import { detectAttributionTrigger } from "./schema/detect-attribution-trigger";
import { slugify } from "./text/slugify";

/**
 * Hostile content (docs/SECURITY.md): every parser in lib/ that reads text a person typed or
 * uploaded gets the classic shapes that make backtracking regular expressions
 * and naive loops super-linear (a long run of one character class ending in a
 * character that makes the match fail, alternations of two classes, nested
 * openers), as long as the place that calls it allows, and must answer well
 * under a second. The two reported cases (a 120 KB line of spaces ending in a
 * letter in the notes importer: 11.3 s; "@" + 2,000 characters + "@" in the
 * autocomplete trigger: 2.3 s) are among them.
 */

/** Characters that patterns treat specially: spaces, markers, punctuation, digits, letters, non-ASCII. */
const ALPHABET = [
  " ",
  "\t",
  "a",
  "1",
  "@",
  "#",
  "*",
  "-",
  "_",
  "`",
  "[",
  "(",
  ":",
  ".",
  ",",
  '"',
  "'",
  "“",
  "<",
  "&",
  "\\",
  "/",
  "|",
  "=",
  "•",
  "é",
  "\u00a0",
];

/** Shapes of length ≈ n for every character of the alphabet. */
function* hostileStrings(n: number): Generator<[string, string]> {
  for (const c of ALPHABET) {
    const name = JSON.stringify(c);
    yield [`${name} × n`, c.repeat(n)];
    yield [`${name} × n then "!"`, c.repeat(n) + "!"];
    yield [`"x" ${name} × n "y"`, "x" + c.repeat(n) + "y"];
    yield [`(${name} + "a") × n/2`, (c + "a").repeat(n / 2) + "\u0001"];
    yield [`(${name} + " ") × n/2 then "x"`, (c + " ").repeat(n / 2) + "x"];
  }
  yield ["@ + letters + @", "@" + "a".repeat(n) + "@"];
  yield ["@ + words + @", "@" + "ab ".repeat(n / 3) + "@"];
  yield ["# + spaces + letter", "# " + " ".repeat(n) + "a"];
  yield ["- + spaces + letter", "- " + " ".repeat(n) + "a"];
  yield ["nested brackets", "[(".repeat(n / 2)];
  yield ["markdown emphasis", "*_`".repeat(n / 3)];
  yield ["quotes", "\"'“”".repeat(n / 4)];
  yield ["date-like", "2024-06-01T".repeat(n / 11)];
  yield ["name-like", "Dr. Ada Lovelace, ".repeat(n / 18)];
}

/**
 * Idle, each case takes a few milliseconds (whole files at the size limit: ~100 ms). The budgets are far above
 * that so a busy 2-core CI machine (load 15 was seen) never flakes, and far below what super-linear behaviour
 * costs at these sizes (tens of seconds to hours): a regression still fails every time.
 */
const BUDGET_MS = 2_000;
/** Whole files at the size limit (megabytes of hostile lines). */
const FILE_BUDGET_MS = 5_000;

function expectFast(label: string, run: () => unknown, budgetMs = BUDGET_MS): void {
  const started = performance.now();
  try {
    run();
  } catch {
    // Refusing the input is fine; taking long to do so is not.
  }
  const took = performance.now() - started;
  expect(took, `${label} took ${took.toFixed(0)} ms`).toBeLessThan(budgetMs);
}

/** Sizes: the reported cases, and what each caller lets through. */
const LINE = 120 * 1024;

// Hundreds of inputs per parser: each is timed on its own, the whole test may take a while on a busy machine.
describe("parsers of user text run in linear time on hostile input", { timeout: 120_000 }, () => {
  it("the notes importer: one long hostile line, and the file size limit filled with hostile lines", () => {
    for (const [shape, text] of hostileStrings(LINE)) expectFast(`importNotes(${shape})`, () => importNotes(text));
    for (const [shape, line] of hostileStrings(2 * 1024)) {
      const text = (line + "\n").repeat(Math.floor(MAX_NOTES_BYTES / (line.length + 1) / 8));
      // A whole file read once in linear time takes a few hundred ms on a busy machine: a second is the bound.
      expectFast(
        `importNotes(lines of ${shape}, ${(text.length / 1e6).toFixed(1)} MB)`,
        () => importNotes(text, { format: "markdown" }),
        FILE_BUDGET_MS,
      );
    }
    expectFast("tokenizeLines(120 KB of spaces ending in a letter)", () => tokenizeLines("a" + " ".repeat(LINE) + "b"));
    const full = ("a" + " ".repeat(LINE) + "b\n").repeat(Math.floor(MAX_NOTES_BYTES / (LINE + 3)));
    expectFast("importNotes(5 MB of such lines)", () => importNotes(full), FILE_BUDGET_MS);
  });

  it("decoding uploaded notes files up to the size limit", () => {
    for (const bytes of [
      new Uint8Array(MAX_NOTES_BYTES).fill(0xff),
      new Uint8Array(MAX_NOTES_BYTES).fill(0x20),
      new TextEncoder().encode("é".repeat(MAX_NOTES_BYTES / 2)),
    ]) {
      expectFast(`decodeNotesFile(${bytes.byteLength} bytes)`, () => decodeNotesFile(bytes));
    }
  });

  it("the autocomplete trigger and ranking, on a paragraph as long as a paste allows", () => {
    expectFast("detectAttributionTrigger(@ + 2,000 + @)", () => detectAttributionTrigger("@" + "a".repeat(2000) + "@"));
    for (const [shape, text] of hostileStrings(512 * 1024))
      expectFast(`detectAttributionTrigger(${shape})`, () => detectAttributionTrigger(text));
    const index = createPeopleIndex(
      Array.from({ length: 2000 }, (_, i) => ({
        id: `p${i}`,
        name: `Person ${i} Lovelace`,
        affiliation: "Analytical",
      })),
    );
    for (const [shape, text] of hostileStrings(64 * 1024)) {
      expectFast(`rankPeople(${shape})`, () => rankPeople(index, text));
      expectFast(`normalizeText(${shape})`, () => normalizeText(text));
    }
  });

  it("the search query and slugs", () => {
    for (const [shape, text] of hostileStrings(64 * 1024)) {
      expectFast(`ftsQuery(${shape})`, () => ftsQuery(text));
      expectFast(`slugify(${shape})`, () => slugify(text));
    }
  });

  it("schedule readers: hostile values in every field, and hostile files up to the size limit", () => {
    const fixtures = path.join(import.meta.dirname, "schedule/fixtures");
    const pretalx = JSON.parse(readFileSync(path.join(fixtures, "small-pretalx.json"), "utf8")) as unknown;
    const frab = readFileSync(path.join(fixtures, "small-frab.xml"), "utf8");
    // 16 KB in each of a few hundred fields is a file of several MB; a quadratic field parser takes seconds on one value.
    for (const [shape, value] of hostileStrings(16 * 1024)) {
      const json = JSON.stringify(replaceStrings(pretalx, value));
      expectFast(`readSchedule(pretalx with ${shape})`, () => readSchedule(json, "schedule.json"));
      const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      const xml = frab.replace(/>\s*[^<\s][^<]*</g, `>${escaped}<`); // every text value, not the indentation
      expectFast(`readSchedule(frab with ${shape})`, () => readSchedule(xml, "schedule.xml"));
    }
    for (const [shape, value] of hostileStrings(LINE)) {
      expectFast(`parseOffsetDateTime(${shape})`, () => parseOffsetDateTime(value));
      expectFast(`parseScheduleDuration(${shape})`, () => parseScheduleDuration(value));
    }
    const size = MAX_SCHEDULE_BYTES - 16;
    for (const text of [
      "<" + "<a>".repeat(size / 3),
      "<!--" + "-".repeat(size),
      "[".repeat(size),
      '{"a":' + " ".repeat(size) + "x",
      "<?xml " + " ".repeat(size) + "?",
    ]) {
      // 20 MB read once in linear time takes a few hundred ms on a busy machine: a second is the bound here.
      expectFast(
        `readSchedule(${JSON.stringify(text.slice(0, 12))}… ${(text.length / 1e6).toFixed(0)} MB)`,
        () => readSchedule(text),
        FILE_BUDGET_MS,
      );
    }
  });

  it("the interchange format: deep nesting and long values", () => {
    let nested: unknown = { type: "statement", text: "x" };
    for (let i = 0; i < 10_000; i++) nested = { type: "statement", text: "x", children: [nested] };
    expectFast("parseInterchange(10,000 levels)", () => parseInterchange({ format: "talknotes/1", blocks: [nested] }));
    for (const [shape, value] of hostileStrings(64 * 1024)) {
      expectFast(`parseInterchange(${shape})`, () =>
        parseInterchange({
          format: "talknotes/1",
          session: { title: value, date: value },
          people: [{ id: value, name: value }],
          blocks: [{ type: "statement", text: value, speaker: value }],
        }),
      );
    }
  });
});

/** A copy of `json` with every string replaced by `value`. */
function replaceStrings(json: unknown, value: string): unknown {
  if (typeof json === "string") return value;
  if (Array.isArray(json)) return json.map((v) => replaceStrings(v, value));
  if (json && typeof json === "object")
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, replaceStrings(v, value)]));
  return json;
}
