import { afterAll, describe, expect, it } from "vitest";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { seededRandom } from "../random/seeded-random";
import { generateNotes as generate } from "./fixtures/generate-notes";
import { NOTE_TAKER_STYLES as STYLES } from "./fixtures/note-taker-styles";
import { importNotes } from "./import-notes";

/**
 * Generated panels and Ignite series, written out the way different people
 * type notes (not only the project's own Markdown export), imported, and
 * compared with what was generated: people and roles, thread structure and
 * every attribution (answers, top-level statements, talk speakers). Seeded,
 * so a failure names the seed that reproduces it. The share recovered per
 * style is printed at the end.
 */
/** Every attribution in document order: answers, statements and talk speakers, as "path -> name". */
function attributions(doc: TalkNotesDocument): Map<string, string> {
  const name = (id: string | null) => (id === null ? "(none)" : (doc.people.find((p) => p.id === id)?.name ?? "?"));
  const out = new Map<string, string>();
  const walk = (list: Block[], path: string) =>
    list.forEach((b, i) => {
      const here = `${path}/${i}`;
      if (b.type === "statement") out.set(here, name(b.speaker));
      if (b.type === "talk") out.set(here, b.speakers.map(name).join(", "));
      if (b.type === "question") walk(b.answers, here);
      else if (b.type !== "aside" && b.type !== "image") walk(b.children, here);
    });
  walk(doc.blocks, "");
  return out;
}

/** Threads as shapes: block types and answer counts. */
const structure = (doc: TalkNotesDocument) =>
  doc.blocks.map((b) =>
    b.type === "question" ? `Q${b.answers.length}` : b.type === "talk" ? `T${b.children.length}` : b.type[0],
  );

const SEEDS = 40;
const totals = new Map<
  string,
  {
    attributions: number;
    recovered: number;
    people: number;
    peopleOk: number;
    structures: number;
    structuresOk: number;
  }
>();

describe("generated panels and Ignite series written in note-takers' styles", () => {
  for (const style of STYLES) {
    it(style.name, () => {
      const t = { attributions: 0, recovered: 0, people: 0, peopleOk: 0, structures: 0, structuresOk: 0 };
      const failures: string[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        for (const kind of ["panel", "ignite"] as const) {
          const g = generate(seed * 2 + (kind === "ignite" ? 1 : 0), kind);
          const text = style.render(g, seededRandom(seed));
          const back = importNotes(text).document;
          const want = g.doc.people
            .map((p) => [p.name, p.role, style.companies ? (p.affiliation ?? null) : null].join(" | "))
            .sort();
          const got = back.people
            .map((p) => [p.name, p.role, style.companies ? (p.affiliation ?? null) : null].join(" | "))
            .sort();
          t.people += want.length;
          t.peopleOk += want.filter((w) => got.includes(w)).length;
          if (JSON.stringify(got) !== JSON.stringify(want))
            failures.push(`seed ${seed} ${kind}: people ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
          t.structures++;
          if (JSON.stringify(structure(back)) === JSON.stringify(structure(g.doc))) t.structuresOk++;
          else
            failures.push(
              `seed ${seed} ${kind}: structure ${structure(back).join(" ")} != ${structure(g.doc).join(" ")}`,
            );
          const expected = attributions(g.doc);
          const actual = attributions(back);
          for (const [path, who] of expected) {
            t.attributions++;
            if (actual.get(path) === who) t.recovered++;
            else failures.push(`seed ${seed} ${kind}: ${path} by ${actual.get(path)} != ${who}`);
          }
          if (kind === "panel") expect(back.session.kind, text).toBe("panel");
        }
      }
      totals.set(style.name, t);
      if (failures.length) console.log(`${style.name}:\n  ${failures.slice(0, 8).join("\n  ")}`);
      expect(t.peopleOk / t.people).toBe(1);
      expect(t.recovered / t.attributions).toBeGreaterThanOrEqual(0.98);
      expect(t.structuresOk / t.structures).toBeGreaterThanOrEqual(0.98);
    });
  }

  afterAll(() => {
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
    const rows = [...totals].map(
      ([name, t]) =>
        `${name.padEnd(58)} people ${pct(t.peopleOk, t.people).padStart(6)}  attributions ${pct(t.recovered, t.attributions).padStart(6)} (${t.recovered}/${t.attributions})  structure ${pct(t.structuresOk, t.structures).padStart(6)}`,
    );
    console.log(`Share recovered per style (${SEEDS} panels + ${SEEDS} Ignite series each):\n${rows.join("\n")}`);
  });
});
