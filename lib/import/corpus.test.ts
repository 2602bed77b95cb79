import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInterchange } from "../interchange/parse-interchange";
import { importNotes } from "./import-notes";
import { readingOf } from "./reading-of";

/**
 * A corpus of notes in different note-takers' styles (bullets `*`, `-`, `•`,
 * numbers; tabs and spaces; Markdown headings; `Q:`, `Question:` and `>`
 * questions; `Name: "…"` and `— Name` attributions; middle initials;
 * non-ASCII and CJK names; handles, emails and URLs in headers; people lists
 * before the intro, after a repeated title, after the notes). Each sample's
 * `.expected.json` was written by hand before the importer could read it:
 * what a person reads, with people by name instead of importer-made ids.
 *
 * Reading format: people are `name | role | affiliation | handle | note`
 * (trailing empty fields left out); a statement is `"Name: text"` (`…` for an
 * unattributed continuation), or `{ S, asides?, c? }` when it has asides or
 * children; a question is `{ Q, by?, A }`; a talk `{ T, by, c? }`; notes,
 * asides and tips are `"note: …"`, `"aside: …"`, `"tip: …"` (or `{ N, c }`).
 */
const dir = path.join(__dirname, "fixtures", "corpus");
const samples = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort();

describe("the notes corpus reads the way a person reads it", () => {
  it("has at least 20 samples", () => expect(samples.length).toBeGreaterThanOrEqual(20));
  for (const file of samples) {
    it(file, () => {
      const expected = JSON.parse(
        readFileSync(path.join(dir, file.replace(/\.(txt|md)$/, ".expected.json")), "utf8"),
      ) as unknown;
      const { document } = importNotes(readFileSync(path.join(dir, file), "utf8"));
      expect(readingOf(document)).toEqual(expected);
      expect(parseInterchange(JSON.parse(JSON.stringify(document)))).toEqual(document);
    });
  }
});

describe("the import report", () => {
  const guessesOf = (file: string) => importNotes(readFileSync(path.join(dir, file), "utf8")).guesses;

  it("lists every guess with a confidence, least sure first, with the block's path", () => {
    const guesses = guessesOf("03-mixed-list-misspelt-first-name.md");
    expect(guesses[0]).toMatchObject({
      kind: "attribution",
      path: [0, 0],
      message: '"Alcie" read as Alice Zhang (a likely typo).',
    });
    expect(guesses.map((g) => g.confidence)).toEqual([...guesses.map((g) => g.confidence)].sort((a, b) => a - b));
    expect(guesses.filter((g) => g.kind === "person").map((g) => g.personId)).toEqual([
      "alice-zhang",
      "bob-ortiz",
      "priyanka-raman",
    ]);
  });

  it("is less sure of a list found only by its names' use than of a labelled one", () => {
    const unlabelled = guessesOf("05-unlabelled-list-after-notes.txt").filter((g) => g.kind === "person");
    const labelled = guessesOf("04-labelled-list-after-notes.txt").filter((g) => g.kind === "person");
    expect(Math.max(...unlabelled.map((g) => g.confidence))).toBeLessThan(
      Math.min(...labelled.map((g) => g.confidence)),
    );
  });

  it("reports talk speakers read from title lines, and audience members added", () => {
    const talks = guessesOf("06-ignite-header-shapes.txt").filter((g) => g.kind === "talk-speaker");
    expect(talks.map((g) => g.path)).toEqual([[0], [1], [2], [3], [4], [5]]);
    const audience = guessesOf("17-continuation-and-audience.txt")[0];
    expect(audience).toMatchObject({ kind: "asker", confidence: 0.5, path: [1] });
  });
});
