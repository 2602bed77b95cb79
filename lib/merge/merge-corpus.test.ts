import { blockText } from "../interchange/block-text";
import { nestedBlocks } from "../interchange/nested-blocks";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateNotes, type GeneratedNotes } from "../import/fixtures/generate-notes";
import { NOTE_TAKER_STYLES } from "../import/fixtures/note-taker-styles";
import { importNotes } from "../import/import-notes";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { normalizeText } from "../people/normalize-text";
import { seededRandom } from "../random/seeded-random";
import { checkMergedPair, type DuplicateScore } from "./fixtures/check-merged-pair";
import { type MergePair, pairFromTexts } from "./fixtures/merge-pair";
import { walkBlocks } from "../interchange/walk-blocks";
import { mergeNotes } from "./merge-notes";
import { textFeatures } from "./text-features";
import { textSimilarity } from "./text-similarity";

/**
 * Pairs of independently taken notes of one session, merged. Each pair is
 * two note-takers' versions of one session, written in different styles,
 * each missing things the other caught and wording shared remarks
 * differently, imported with lib/import like a user's files. The truth
 * (which notes are the same remark) is known: the hand-written pairs list
 * it, the generated ones carry it from the generator. For each pair:
 * nothing either side wrote is lost or doubled, every attribution survives,
 * and duplicates are found with precision and recall ≥ 95% (printed).
 */

/** A content word list large enough that two different remarks rarely share most words, as in real notes. */
const VOCABULARY = (
  "deploy metrics outcomes cycle time throughput pager budget rollback incident release feature team trust latency cost " +
  "canary database schema migration queue cache region failover backup restore alert dashboard runbook oncall weekend " +
  "customer contract compliance audit security patch kernel container cluster node network packet firewall certificate " +
  "vendor license invoice hiring onboarding mentoring review pairing testing coverage flaky pipeline artifact registry " +
  "storage bucket snapshot replica leader election consensus partition shard index query planner vacuum lock deadlock " +
  "retry timeout backoff circuit breaker quota limit burst capacity forecast spend savings reserved spot instance lambda"
).split(" ");

const key = (text: string) => normalizeText(text);
const textOf = blockText;
const kidsOf = (b: Block): Block[] => [...nestedBlocks(b)];

/** Two note-takers' versions of a generated session: omissions, abridged remarks, re-worded questions. */
function generatedPair(seed: number, kind: "panel" | "ignite", styles: [number, number]): MergePair {
  const g = generateNotes(seed, kind, VOCABULARY);
  const r = seededRandom(seed * 7919);
  const leftTruth = new Map<string, string>();
  const rightTruth = new Map<string, string>();
  let n = 0;
  const words = (text: string) => text.replace(/\?$/, "").split(" ");
  /** A note-taker who wrote only part of a remark: drops one or two words (never the first). */
  const abridge = (text: string) => {
    const w = words(text);
    if (w.length < 6) return text;
    const drop = new Set([1 + Math.floor(r() * (w.length - 1)), 1 + Math.floor(r() * (w.length - 1))]);
    return w.filter((_, i) => !drop.has(i)).join(" ");
  };
  /** The same question in other words: a few of its words dropped and a word of one's own, or (sometimes) all new words. */
  const reword = (text: string) => {
    if (r() < 0.15)
      return `${Array.from({ length: 4 }, () => VOCABULARY[Math.floor(r() * VOCABULARY.length)]).join(" ")} then?`;
    const w = words(text).filter(() => r() < 0.75);
    return `${["so", "and", "what about"][Math.floor(r() * 3)]} ${w.join(" ")}?`;
  };
  /** Who caught a remark: both (60%), or only one of them. */
  const caught = (): [boolean, boolean] => {
    const x = r();
    return x < 0.6 ? [true, true] : x < 0.8 ? [true, false] : [false, true];
  };
  const side = (
    blocks: Block[],
    which: 0 | 1,
    plan: Map<Block, { seen: [boolean, boolean]; texts: [string, string]; id: string }>,
  ): Block[] =>
    blocks.flatMap((b): Block[] => {
      const p = plan.get(b)!;
      if (!p.seen[which]) return [];
      (which === 0 ? leftTruth : rightTruth).set(key(p.texts[which]), p.id);
      const kids = side(kidsOf(b), which, plan);
      if (b.type === "question") return [{ ...b, text: p.texts[which], answers: kids }];
      if (b.type === "talk") return [{ ...b, title: p.texts[which], children: kids }];
      if (b.type === "aside" || b.type === "image") return [b];
      return [{ ...b, text: p.texts[which], children: kids }];
    });
  const plan = new Map<Block, { seen: [boolean, boolean]; texts: [string, string]; id: string }>();
  walkBlocks(g.doc.blocks, (b, _path, parent) => {
    const text = textOf(b);
    const id = `t${n++}`;
    // Threads and talks are caught by both (a whole missed thread is rarer than a missed answer); their contents vary.
    const seen: [boolean, boolean] =
      b.type === "question" || b.type === "talk" || (parent === null && r() < 0.5) ? [true, true] : caught();
    let texts: [string, string] = [text, text];
    if (b.type === "question") texts = [text, reword(text)];
    else if (b.type !== "talk" && seen[0] && seen[1] && r() < 0.5)
      texts = r() < 0.5 ? [abridge(text), text] : [text, abridge(text)];
    plan.set(b, { seen, texts, id });
  });
  const variant = (which: 0 | 1): GeneratedNotes => ({
    ...g,
    doc: { ...g.doc, blocks: side(g.doc.blocks, which, plan) },
  });
  const [a, b] = styles.map((s) => NOTE_TAKER_STYLES[s % NOTE_TAKER_STYLES.length]!);
  return {
    name: `generated ${kind} ${seed}: "${a!.name}" + "${b!.name}"`,
    left: importNotes(a!.render(variant(0), seededRandom(seed))).document,
    right: importNotes(b!.render(variant(1), seededRandom(seed + 1))).document,
    leftTruth,
    rightTruth,
  };
}

const notesFile = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/notes/${name}`, import.meta.url), "utf8");
const FIXTURE_PAIRS = [
  () =>
    pairFromTexts(
      "panel sample + a second note-taker's Markdown",
      notesFile("panel.txt"),
      notesFile("panel-second-taker.md"),
      [
        ["Should we deploy on Fridays at all?", "Friday deploys: yes or no?"],
        [
          "if you are afraid to deploy on Friday, you are afraid to deploy.",
          "if you are afraid to deploy on Friday, you are afraid to deploy",
        ],
        [
          "small batches make the day of the week irrelevant.",
          "with small batches the day of the week is irrelevant, we deploy forty times a day",
        ],
        ["How do you measure whether a deploy was safe?", "How do you know a deploy was safe?"],
        [
          "error budget burn in the first hour, compared with the last ten deploys.",
          "we watch error budget burn in the first hour after each deploy",
        ],
        ["we look at rollbacks per hundred deploys", "rollbacks per hundred deploys, published to the whole company"],
      ],
    ),
  () =>
    pairFromTexts(
      "Ignite sample + a second note-taker's Markdown",
      notesFile("ignite.txt"),
      notesFile("ignite-second-taker.md"),
      [
        ["Chaos drills for small teams", "Chaos drills for small teams"],
        ["start with one service and one failure mode", "start with one service and one failure mode"],
        ["Runbooks nobody reads (http://example.org/runbooks)", "Runbooks nobody reads"],
        ["a runbook is a test you never ran", "a runbook is a test you have never run"],
        ["Pager fatigue by the numbers", "Pager fatigue by the numbers"],
        ["forty percent of pages were acknowledged and then ignored", "40% of pages acknowledged, then ignored"],
      ],
    ),
];

const SEEDS = 30;
const GENERATED_PAIRS = Array.from(
  { length: SEEDS },
  (_, i) => () => generatedPair(101 + i, i % 3 === 2 ? "ignite" : "panel", [i, i + 1 + (i % 4)]),
);

const totals: { name: string; score: DuplicateScore }[] = [];
/** textSimilarity of duplicates found, and of conflicts (same speaker, same thread, not the same remark): the margin the thresholds sit in. */
const similarities = { duplicates: [] as number[], conflicts: [] as number[], different: [] as number[] };
const pct = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** textSimilarity of every left/right pair of answers or notes that record different remarks. */
function differentRemarks(pair: MergePair): number[] {
  const content = (doc: TalkNotesDocument) => {
    const out: Block[] = [];
    walkBlocks(doc.blocks, (b) => (b.type === "statement" || b.type === "note" ? out.push(b) : 0));
    return out;
  };
  const right = content(pair.right);
  return content(pair.left).flatMap((l) =>
    right
      .filter((r) => pair.leftTruth.get(key(textOf(l))) !== pair.rightTruth.get(key(textOf(r))))
      .map((r) => textSimilarity(textFeatures(textOf(l)), textFeatures(textOf(r)))),
  );
}

describe("merging independently taken notes of one session", () => {
  for (const make of [...FIXTURE_PAIRS, ...GENERATED_PAIRS]) {
    const pair = make();
    it(pair.name, () => {
      const result = mergeNotes(pair.left, pair.right);
      const score = checkMergedPair(pair, result);
      similarities.duplicates.push(
        ...result.report.duplicates.filter((d) => d.type === "statement" || d.type === "note").map((d) => d.similarity),
      );
      similarities.conflicts.push(...result.report.conflicts.map((c) => c.similarity));
      similarities.different.push(...differentRemarks(pair));
      totals.push({ name: pair.name, score });
      expect(pct(score.truePositives, score.detected), `${pair.name}: precision`).toBeGreaterThanOrEqual(0.95);
      expect(pct(score.truePositives, score.actual), `${pair.name}: recall`).toBeGreaterThanOrEqual(0.95);
    });
  }

  afterAll(() => {
    const sum = totals.reduce(
      (s, t) => ({
        truePositives: s.truePositives + t.score.truePositives,
        detected: s.detected + t.score.detected,
        actual: s.actual + t.score.actual,
      }),
      {
        truePositives: 0,
        detected: 0,
        actual: 0,
      },
    );
    const f = (x: number) => `${(100 * x).toFixed(1)}%`;
    const spread = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(2) ?? "-";
      return `n=${xs.length} min ${at(0)} p5 ${at(0.05)} median ${at(0.5)} p95 ${at(0.95)} max ${at(1)}`;
    };
    console.log(
      `Similarity of duplicate answers/notes: ${spread(similarities.duplicates)}\nSimilarity of conflicts (same speaker and thread, different remarks): ${spread(similarities.conflicts)}\nSimilarity of any two different answers/notes: ${spread(similarities.different)}`,
    );
    const rows = totals.map(
      ({ name, score: s }) =>
        `${f(pct(s.truePositives, s.detected)).padStart(6)} ${f(pct(s.truePositives, s.actual)).padStart(6)}  ${name}`,
    );
    console.log(
      `Duplicate detection (precision, recall) per pair:\n${rows.join("\n")}\n` +
        `All ${totals.length} pairs: precision ${f(pct(sum.truePositives, sum.detected))}, recall ${f(pct(sum.truePositives, sum.actual))} (${sum.truePositives} of ${sum.actual} duplicates found, ${sum.detected} judged)`,
    );
  });
});
