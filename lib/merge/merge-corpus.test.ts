import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { generateNotes, type GeneratedNotes } from "../import/fixtures/generate-notes";
import { NOTE_TAKER_STYLES } from "../import/fixtures/note-taker-styles";
import { importNotes } from "../import/import-notes";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { normalizeText } from "../people/normalizeText";
import { seededRandom } from "../random/seeded-random";
import { mergeNotes } from "./merge-notes";
import type { MergeResult } from "./merge-types";
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

type Truth = Map<string, string>;

interface Pair {
  name: string;
  left: TalkNotesDocument;
  right: TalkNotesDocument;
  /** Normalised text of each side's blocks -> the remark it records; the same id on both sides is a duplicate. */
  leftTruth: Truth;
  rightTruth: Truth;
}

const key = (text: string) => normalizeText(text);
const textOf = (b: Block) => (b.type === "talk" ? b.title : b.text);
const kidsOf = (b: Block): Block[] => (b.type === "question" ? b.answers : b.type === "aside" ? [] : b.children);
const walk = (blocks: Block[], visit: (b: Block, parent: Block | null) => void, parent: Block | null = null) =>
  blocks.forEach((b) => {
    visit(b, parent);
    walk(kidsOf(b), visit, b);
  });

/** Two note-takers' versions of a generated session: omissions, abridged remarks, re-worded questions. */
function generatedPair(seed: number, kind: "panel" | "ignite", styles: [number, number]): Pair {
  const g = generateNotes(seed, kind, VOCABULARY);
  const r = seededRandom(seed * 7919);
  const leftTruth: Truth = new Map();
  const rightTruth: Truth = new Map();
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
    if (r() < 0.15) return `${Array.from({ length: 4 }, () => VOCABULARY[Math.floor(r() * VOCABULARY.length)]).join(" ")} then?`;
    const w = words(text).filter(() => r() < 0.75);
    return `${["so", "and", "what about"][Math.floor(r() * 3)]} ${w.join(" ")}?`;
  };
  /** Who caught a remark: both (60%), or only one of them. */
  const caught = (): [boolean, boolean] => {
    const x = r();
    return x < 0.6 ? [true, true] : x < 0.8 ? [true, false] : [false, true];
  };
  const side = (blocks: Block[], which: 0 | 1, plan: Map<Block, { seen: [boolean, boolean]; texts: [string, string]; id: string }>): Block[] =>
    blocks.flatMap((b): Block[] => {
      const p = plan.get(b)!;
      if (!p.seen[which]) return [];
      (which === 0 ? leftTruth : rightTruth).set(key(p.texts[which]), p.id);
      const kids = side(kidsOf(b), which, plan);
      if (b.type === "question") return [{ ...b, text: p.texts[which], answers: kids }];
      if (b.type === "talk") return [{ ...b, title: p.texts[which], children: kids }];
      if (b.type === "aside") return [b];
      return [{ ...b, text: p.texts[which], children: kids }];
    });
  const plan = new Map<Block, { seen: [boolean, boolean]; texts: [string, string]; id: string }>();
  walk(g.doc.blocks, (b, parent) => {
    const text = textOf(b);
    const id = `t${n++}`;
    // Threads and talks are caught by both (a whole missed thread is rarer than a missed answer); their contents vary.
    const seen: [boolean, boolean] = b.type === "question" || b.type === "talk" || (parent === null && r() < 0.5) ? [true, true] : caught();
    let texts: [string, string] = [text, text];
    if (b.type === "question") texts = [text, reword(text)];
    else if (b.type !== "talk" && seen[0] && seen[1] && r() < 0.5) texts = r() < 0.5 ? [abridge(text), text] : [text, abridge(text)];
    plan.set(b, { seen, texts, id });
  });
  const variant = (which: 0 | 1): GeneratedNotes => ({ ...g, doc: { ...g.doc, blocks: side(g.doc.blocks, which, plan) } });
  const [a, b] = styles.map((s) => NOTE_TAKER_STYLES[s % NOTE_TAKER_STYLES.length]!);
  return {
    name: `generated ${kind} ${seed}: "${a!.name}" + "${b!.name}"`,
    left: importNotes(a!.render(variant(0), seededRandom(seed))).document,
    right: importNotes(b!.render(variant(1), seededRandom(seed + 1))).document,
    leftTruth,
    rightTruth,
  };
}

/** A hand-written second note-taker's file beside a sample of tests/fixtures, with the remarks both caught. */
function fixturePair(name: string, leftFile: string, rightFile: string, same: [string, string][]): Pair {
  const left = importNotes(readFileSync(new URL(`../../tests/fixtures/notes/${leftFile}`, import.meta.url), "utf8")).document;
  const right = importNotes(readFileSync(new URL(`../../tests/fixtures/notes/${rightFile}`, import.meta.url), "utf8")).document;
  const leftTruth: Truth = new Map();
  const rightTruth: Truth = new Map();
  walk(left.blocks, (b) => leftTruth.set(key(textOf(b)), `L:${key(textOf(b))}`));
  walk(right.blocks, (b) => rightTruth.set(key(textOf(b)), `R:${key(textOf(b))}`));
  for (const [l, r] of same) {
    expect(leftTruth.has(key(l)), `${leftFile} has "${l}"`).toBe(true);
    expect(rightTruth.has(key(r)), `${rightFile} has "${r}"`).toBe(true);
    rightTruth.set(key(r), leftTruth.get(key(l))!);
  }
  return { name, left, right, leftTruth, rightTruth };
}

const FIXTURE_PAIRS = [
  () =>
    fixturePair("panel sample + a second note-taker's Markdown", "panel.txt", "panel-second-taker.md", [
      ["Should we deploy on Fridays at all?", "Friday deploys: yes or no?"],
      ["if you are afraid to deploy on Friday, you are afraid to deploy.", "if you are afraid to deploy on Friday, you are afraid to deploy"],
      ["small batches make the day of the week irrelevant.", "with small batches the day of the week is irrelevant, we deploy forty times a day"],
      ["How do you measure whether a deploy was safe?", "How do you know a deploy was safe?"],
      ["error budget burn in the first hour, compared with the last ten deploys.", "we watch error budget burn in the first hour after each deploy"],
      ["we look at rollbacks per hundred deploys", "rollbacks per hundred deploys, published to the whole company"],
    ]),
  () =>
    fixturePair("Ignite sample + a second note-taker's Markdown", "ignite.txt", "ignite-second-taker.md", [
      ["Chaos drills for small teams", "Chaos drills for small teams"],
      ["start with one service and one failure mode", "start with one service and one failure mode"],
      ["Runbooks nobody reads (http://example.org/runbooks)", "Runbooks nobody reads"],
      ["a runbook is a test you never ran", "a runbook is a test you have never run"],
      ["Pager fatigue by the numbers", "Pager fatigue by the numbers"],
      ["forty percent of pages were acknowledged and then ignored", "40% of pages acknowledged, then ignored"],
    ]),
];

const SEEDS = 30;
const GENERATED_PAIRS = Array.from({ length: SEEDS }, (_, i) => () => generatedPair(101 + i, i % 3 === 2 ? "ignite" : "panel", [i, i + 1 + (i % 4)]));

interface Score {
  truePositives: number;
  detected: number;
  actual: number;
}
const totals: { name: string; score: Score }[] = [];
/** textSimilarity of duplicates found, and of conflicts (same speaker, same thread, not the same remark): the margin the thresholds sit in. */
const similarities = { duplicates: [] as number[], conflicts: [] as number[], different: [] as number[] };
const pct = (a: number, b: number) => (b === 0 ? 1 : a / b);

function check(pair: Pair, result: MergeResult): Score {
  const { document: merged, report } = result;
  const mergedTexts = new Map<string, Block[]>();
  walk(merged.blocks, (b) => mergedTexts.set(key(textOf(b)), [...(mergedTexts.get(key(textOf(b))) ?? []), b]));
  const personName = (doc: TalkNotesDocument, id: string | null) => doc.people.find((p) => p.id === id)?.name ?? null;
  const sameName = (mergedId: string | null, name: string | null) => {
    const p = merged.people.find((x) => x.id === mergedId);
    return name === null ? mergedId === null : !!p && (key(p.name) === key(name) || (p.aliases ?? []).some((a) => key(a) === key(name)));
  };
  /** The text standing in the merged notes for one side's text: itself, or the other wording of its duplicate. */
  const keptFor = (text: string, side: "left" | "right") => {
    const dup = report.duplicates.find((d) => key(d[side]) === key(text));
    return dup && dup.kept !== side ? (side === "left" ? dup.right : dup.left) : text;
  };
  for (const [side, doc] of [["left", pair.left], ["right", pair.right]] as const) {
    walk(doc.blocks, (b) => {
      const kept = keptFor(textOf(b), side);
      const found = mergedTexts.get(key(kept)) ?? [];
      // An aside both note-takers wrote word for word is two asides (each stays with its writer); everything else once.
      expect(found.length, `${pair.name}: "${textOf(b)}" (${side}) appears once as "${kept}"`).toBe(b.type === "aside" ? found.length || 1 : 1);
      const there = found[0]!;
      if (b.type === "statement") expect(sameName((there as typeof b).speaker, personName(doc, b.speaker)), `${pair.name}: speaker of "${b.text}"`).toBe(true);
      if (b.type === "question" && b.askedBy) expect(sameName((there as typeof b).askedBy, personName(doc, b.askedBy)), `${pair.name}: asker of "${b.text}"`).toBe(true);
      if (b.type === "talk")
        for (const s of b.speakers) expect((there as typeof b).speakers.some((m) => sameName(m, personName(doc, s))), `${pair.name}: speaker of talk "${b.title}"`).toBe(true);
    });
  }
  const leftIds = new Set(pair.leftTruth.values());
  const actual = [...pair.rightTruth.values()].filter((id) => leftIds.has(id)).length;
  let truePositives = 0;
  for (const d of report.duplicates) {
    const l = pair.leftTruth.get(key(d.left));
    const r = pair.rightTruth.get(key(d.right));
    if (l !== undefined && l === r) truePositives++;
    else console.log(`${pair.name}: wrong duplicate ${d.type} "${d.left}" / "${d.right}" (${d.similarity})`);
  }
  const found = new Set(report.duplicates.map((d) => pair.leftTruth.get(key(d.left))));
  for (const [text, id] of pair.rightTruth) {
    const l = [...pair.leftTruth].find(([, x]) => x === id);
    if (l && !found.has(id)) console.log(`${pair.name}: missed duplicate "${l[0]}" / "${text}"`);
  }
  return { truePositives, detected: report.duplicates.length, actual };
}

/** textSimilarity of every left/right pair of answers or notes that record different remarks. */
function differentRemarks(pair: Pair): number[] {
  const content = (doc: TalkNotesDocument) => {
    const out: Block[] = [];
    walk(doc.blocks, (b) => (b.type === "statement" || b.type === "note" ? out.push(b) : 0));
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
      const score = check(pair, result);
      similarities.duplicates.push(...result.report.duplicates.filter((d) => d.type === "statement" || d.type === "note").map((d) => d.similarity));
      similarities.conflicts.push(...result.report.conflicts.map((c) => c.similarity));
      similarities.different.push(...differentRemarks(pair));
      totals.push({ name: pair.name, score });
      expect(pct(score.truePositives, score.detected), `${pair.name}: precision`).toBeGreaterThanOrEqual(0.95);
      expect(pct(score.truePositives, score.actual), `${pair.name}: recall`).toBeGreaterThanOrEqual(0.95);
    });
  }

  afterAll(() => {
    const sum = totals.reduce((s, t) => ({ truePositives: s.truePositives + t.score.truePositives, detected: s.detected + t.score.detected, actual: s.actual + t.score.actual }), {
      truePositives: 0,
      detected: 0,
      actual: 0,
    });
    const f = (x: number) => `${(100 * x).toFixed(1)}%`;
    const spread = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(2) ?? "-";
      return `n=${xs.length} min ${at(0)} p5 ${at(0.05)} median ${at(0.5)} p95 ${at(0.95)} max ${at(1)}`;
    };
    console.log(`Similarity of duplicate answers/notes: ${spread(similarities.duplicates)}\nSimilarity of conflicts (same speaker and thread, different remarks): ${spread(similarities.conflicts)}\nSimilarity of any two different answers/notes: ${spread(similarities.different)}`);
    const rows = totals.map(({ name, score: s }) => `${f(pct(s.truePositives, s.detected)).padStart(6)} ${f(pct(s.truePositives, s.actual)).padStart(6)}  ${name}`);
    console.log(
      `Duplicate detection (precision, recall) per pair:\n${rows.join("\n")}\n` +
        `All ${totals.length} pairs: precision ${f(pct(sum.truePositives, sum.detected))}, recall ${f(pct(sum.truePositives, sum.actual))} (${sum.truePositives} of ${sum.actual} duplicates found, ${sum.detected} judged)`,
    );
  });
});
