import { blockText } from "../interchange/block-text";
import { mapPersonRefs } from "../interchange/map-person-refs";
import { nestedBlocks } from "../interchange/nested-blocks";
import type { Block, QuestionBlock, TalkNotesDocument } from "../interchange/types";
import { matchPeople } from "./match-people";
import type {
  ConflictChoice,
  MergeConflict,
  MergeDuplicate,
  MergeOptions,
  MergeResult,
  MergeSide,
  MergedBlockSource,
} from "./merge-types";
import { textFeatures } from "./text-features";
import { textSimilarity } from "./text-similarity";

/**
 * Thresholds of textSimilarity, chosen on the merge corpus
 * (lib/merge/merge-corpus.test.ts prints both distributions): same-speaker
 * answers that are one remark noted twice score ≥ 0.75 there (abridged:
 * ≥ 0.8 containment), different remarks of one speaker in one thread < 0.45.
 */
export const SAME_NOTE = 0.6;
/** Questions are re-worded more than answers ("Fridays: yes or no?" vs "Should we deploy on Fridays?"). */
export const SAME_QUESTION = 0.5;
/** Content words enough for one question to be contained in another ("rollback restore?"). */
const QUESTION_WORDS = 2;
/** Of the answers of the shorter thread, this share found twice makes two threads one whatever the wording. */
export const SHARED_ANSWERS = 0.5;

/** A block of the merged document being built, with where it came from. */
interface Node {
  block: Block;
  sources: MergeSide[];
  kids: Node[];
}

/** A block of one side, with its path in its own document. */
interface Item {
  block: Block;
  path: string;
  features: string[];
}

interface PendingDuplicate extends Omit<MergeDuplicate, "path"> {
  node: Node;
}
interface PendingConflict extends Omit<MergeConflict, "threadPath"> {
  thread: string;
  holder: Node | null;
}

interface Context {
  duplicates: PendingDuplicate[];
  conflicts: PendingConflict[];
  resolutions: Readonly<Record<string, ConflictChoice>>;
  speakerName: (id: string | null) => string | null;
}

const textOf = blockText;
const kidsOf = (b: Block): Block[] => [...nestedBlocks(b)];
/** Block times, when a writer recorded them (`at`, ISO date-time): the tie-breaker of order. */
const timeOf = (b: Block): number | null => {
  const t = typeof b.at === "string" ? Date.parse(b.at) : NaN;
  return Number.isNaN(t) ? null : t;
};

/**
 * Merges two independently taken sets of notes of one session into one
 * document, aligning them by meaning rather than position (pure; the server
 * only loads, applies and records):
 *
 * - people are matched by id, name, handle, alias or typo (matchPeople);
 * - blocks pair up by type and content: a thread with the same question in
 *   other words, or sharing half its answers; a statement, note or tip with
 *   the same content (and the same speaker); a talk with the same title or
 *   speakers. A pair becomes one block with the fuller wording (the other
 *   is listed in the report's duplicates), and their nested blocks merge
 *   the same way;
 * - what only one side has stays where that side put it: after the block it
 *   followed there; blocks falling between the same two anchors keep the
 *   left order first, or time order when both carry times;
 * - asides are never paired: each stays with the note-taker who wrote it;
 * - within a thread, left-only and right-only answers of the same speaker are
 *   conflicts: both are kept unless `options.resolutions` keeps one side.
 *
 * The left document's conference and session details win; the right one's
 * fill what the left lacks.
 */
export function mergeNotes(left: TalkNotesDocument, right: TalkNotesDocument, options: MergeOptions = {}): MergeResult {
  const { people, rightToMerged, matches } = matchPeople(left.people, right.people);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const ctx: Context = {
    duplicates: [],
    conflicts: [],
    resolutions: options.resolutions ?? {},
    speakerName: (id) => (id === null ? null : (names.get(id) ?? id)),
  };
  const rightBlocks = mapPersonRefs(right.blocks, (id) => rightToMerged.get(id) ?? id);
  const nodes = mergeLists(left.blocks, rightBlocks, "", "", ctx, null);

  const blocks: MergedBlockSource[] = [];
  const pathOf = new Map<Node, string>();
  const toBlocks = (list: Node[], prefix: string): Block[] =>
    list.map((node, i) => {
      const path = prefix ? `${prefix}/${i}` : `${i}`;
      pathOf.set(node, path);
      blocks.push({ path, type: node.block.type, text: textOf(node.block), sources: node.sources });
      const kids = toBlocks(node.kids, path);
      return withKids(node.block, kids);
    });
  const merged = toBlocks(nodes, "");

  const duplicates = ctx.duplicates.map(({ node, ...d }) => ({ ...d, path: pathOf.get(node) ?? "" }));
  const conflicts = ctx.conflicts.map(({ holder, ...c }) => ({
    ...c,
    threadPath: holder ? (pathOf.get(holder) ?? "") : "",
  }));
  const count = (doc: Block[]): number => doc.reduce((n, b) => n + 1 + count(kidsOf(b)), 0);
  const document: TalkNotesDocument = {
    ...right,
    ...left,
    conference: { ...right.conference, ...definedOnly(left.conference) },
    session: { ...right.session, ...definedOnly(left.session), intro: longer(left.session.intro, right.session.intro) },
    people,
    blocks: merged,
  };
  return {
    document,
    report: {
      people: matches,
      blocks,
      duplicates,
      conflicts,
      counts: {
        left: count(left.blocks),
        right: count(right.blocks),
        merged: blocks.length,
        duplicates: duplicates.length,
        conflicts: conflicts.length,
        fromLeft: blocks.filter((b) => b.sources.length === 1 && b.sources[0] === "left").length,
        fromRight: blocks.filter((b) => b.sources.length === 1 && b.sources[0] === "right").length,
      },
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ""),
  ) as Partial<T>;
}

/** The longer of two wordings (the note-taker who caught more), the left one on a tie. */
function longer(a: string, b: string): string {
  const fa = textFeatures(a).length;
  const fb = textFeatures(b).length;
  return fb > fa || (fb === fa && b.trim().length > a.trim().length) ? b : a;
}

function withKids(b: Block, kids: Block[]): Block {
  if (b.type === "question") return { ...b, answers: kids };
  if (b.type === "aside" || b.type === "image") return b;
  return { ...b, children: kids };
}

function item(block: Block, prefix: string, i: number): Item {
  return { block, path: prefix ? `${prefix}/${i}` : `${i}`, features: textFeatures(textOf(block)) };
}

/** Whether two blocks are the same note, and how sure: null when they are not. */
function pairScore(l: Item, r: Item): number | null {
  const a = l.block;
  const b = r.block;
  // A photo is the same photo only by its content hash: alt texts are too short to compare.
  if (a.type === "image" || b.type === "image")
    return a.type === "image" && b.type === "image" && a.hash === b.hash ? 1 : null;
  const questions = a.type === "question" || b.type === "question";
  const sim = textSimilarity(l.features, r.features, questions ? QUESTION_WORDS : undefined);
  // A question nobody answered in one set of notes is often a plain bullet there: as a question when it asks one.
  if (isQuestionAndNote(a, b))
    return sim >= (/\?\s*$/.test(textOf(a.type === "note" ? a : b)) ? SAME_QUESTION : SAME_NOTE) ? sim : null;
  if (a.type !== b.type || a.type === "aside") return null;
  switch (a.type) {
    case "question": {
      const q = b as QuestionBlock;
      if (a.askedBy && q.askedBy && a.askedBy !== q.askedBy) return null;
      const shared = sharedAnswers(a.answers, q.answers);
      const fewer = Math.min(a.answers.length, q.answers.length);
      if (sim >= SAME_QUESTION) return sim + (fewer ? shared / fewer : 0);
      return shared > 0 && shared / fewer >= SHARED_ANSWERS ? shared / fewer : null;
    }
    case "statement":
      if (a.speaker !== (b as typeof a).speaker) return null;
      return sim >= SAME_NOTE ? sim : null;
    case "talk": {
      const other = b as typeof a;
      const sameSpeakers =
        a.speakers.length > 0 &&
        a.speakers.length === other.speakers.length &&
        a.speakers.every((s) => other.speakers.includes(s));
      if (sim >= SAME_QUESTION) return sim + (sameSpeakers ? 1 : 0);
      return sameSpeakers ? 0.5 : null;
    }
    default:
      return sim >= SAME_NOTE ? sim : null;
  }
}

const isQuestionAndNote = (a: Block, b: Block) =>
  (a.type === "question" && b.type === "note") || (a.type === "note" && b.type === "question");

/** How many answers of one thread are found again, same speaker and same content, in the other. */
function sharedAnswers(a: Block[], b: Block[]): number {
  const features = b.map((x) => (x.type === "statement" ? textFeatures(x.text) : []));
  const taken = new Set<number>();
  let shared = 0;
  for (const x of a) {
    if (x.type !== "statement") continue;
    const fx = textFeatures(x.text);
    const j = b.findIndex(
      (y, k) =>
        !taken.has(k) &&
        y.type === "statement" &&
        y.speaker === x.speaker &&
        textSimilarity(fx, features[k]!) >= SAME_NOTE,
    );
    if (j >= 0) {
      taken.add(j);
      shared++;
    }
  }
  return shared;
}

/**
 * Merges two lists of sibling blocks (top level, a thread's answers, a
 * block's children). `holder` is the merged block holding them, null at the
 * top level; conflicts are looked for among a thread's answers only.
 */
function mergeLists(
  left: Block[],
  right: Block[],
  leftPrefix: string,
  rightPrefix: string,
  ctx: Context,
  holder: Node | null,
): Node[] {
  const L = left.map((b, i) => item(b, leftPrefix, i));
  const R = right.map((b, j) => item(b, rightPrefix, j));

  // Best pairs first; equal scores go to the pair closer in time, then in relative position.
  const pairs: { i: number; j: number; score: number; dt: number; dp: number }[] = [];
  for (const [i, l] of L.entries()) {
    for (const [j, r] of R.entries()) {
      const score = pairScore(l, r);
      if (score === null) continue;
      const tl = timeOf(l.block);
      const tr = timeOf(r.block);
      pairs.push({
        i,
        j,
        score,
        dt: tl !== null && tr !== null ? Math.abs(tl - tr) : Infinity,
        dp: Math.abs(i / L.length - j / R.length),
      });
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.dt - y.dt || x.dp - y.dp);
  const leftMatch = new Map<number, number>();
  const rightMatch = new Map<number, number>();
  for (const p of pairs) {
    if (leftMatch.has(p.i) || rightMatch.has(p.j)) continue;
    leftMatch.set(p.i, p.j);
    rightMatch.set(p.j, p.i);
  }

  const leftNodes = L.map((l, i) => {
    const j = leftMatch.get(i);
    return j === undefined ? single(l, "left", ctx) : pairNode(l, R[j]!, ctx);
  });
  const rightOnly = new Map<number, Node>();
  for (const [j, r] of R.entries()) if (!rightMatch.has(j)) rightOnly.set(j, single(r, "right", ctx));

  const dropped =
    holder?.block.type === "question"
      ? findConflicts(L, R, leftMatch, rightMatch, leftNodes, rightOnly, ctx, holder)
      : new Set<Node>();

  // Each unpaired block stays after the paired block it followed on its own side (-1: before the first).
  const gapsLeft = new Map<number, Item[]>();
  let anchor = -1;
  for (const [i, l] of L.entries()) {
    if (leftMatch.has(i)) anchor = i;
    else gapsLeft.set(anchor, [...(gapsLeft.get(anchor) ?? []), l]);
  }
  const gapsRight = new Map<number, Item[]>();
  anchor = -1;
  for (const [j, r] of R.entries()) {
    const i = rightMatch.get(j);
    if (i !== undefined) anchor = i;
    else gapsRight.set(anchor, [...(gapsRight.get(anchor) ?? []), r]);
  }
  const out: Node[] = [];
  const nodeOfLeft = new Map(L.map((l, i) => [l, leftNodes[i]!]));
  const nodeOfRight = new Map(R.flatMap((r, j) => (rightOnly.has(j) ? [[r, rightOnly.get(j)!] as const] : [])));
  const fillGap = (at: number) => {
    const a = gapsLeft.get(at) ?? [];
    const b = gapsRight.get(at) ?? [];
    let x = 0;
    let y = 0;
    while (x < a.length || y < b.length) {
      const ta = x < a.length ? timeOf(a[x]!.block) : null;
      const tb = y < b.length ? timeOf(b[y]!.block) : null;
      const takeRight = x >= a.length || (ta !== null && tb !== null && tb < ta);
      const node = takeRight ? nodeOfRight.get(b[y++]!)! : nodeOfLeft.get(a[x++]!)!;
      if (!dropped.has(node)) out.push(node);
    }
  };
  fillGap(-1);
  for (const [i] of L.entries()) {
    if (!leftMatch.has(i)) continue;
    out.push(leftNodes[i]!);
    fillGap(i);
  }
  return out;
}

function single(it: Item, side: MergeSide, ctx: Context): Node {
  const kids = kidsOf(it.block);
  const sides: [Block[], Block[]] = side === "left" ? [kids, []] : [[], kids];
  const node: Node = { block: it.block, sources: [side], kids: [] };
  node.kids = mergeLists(
    sides[0],
    sides[1],
    side === "left" ? it.path : "",
    side === "right" ? it.path : "",
    ctx,
    node,
  );
  return node;
}

function pairNode(l: Item, r: Item, ctx: Context): Node {
  const a = l.block;
  const b = r.block;
  const keepRight = textOf(b) !== textOf(a) && longer(textOf(a), textOf(b)) === textOf(b);
  const text = keepRight ? textOf(b) : textOf(a);
  let block: Block = isQuestionAndNote(a, b) ? (a.type === "question" ? a : b) : ({ ...b, ...a } as Block);
  switch (block.type) {
    case "question":
      block = { ...block, text, askedBy: block.askedBy ?? (b as QuestionBlock).askedBy };
      break;
    case "statement": {
      const asides = [...block.asides];
      for (const x of (b as typeof block).asides) if (!asides.includes(x)) asides.push(x);
      block = { ...block, text, speaker: block.speaker ?? (b as typeof block).speaker, asides };
      break;
    }
    case "talk": {
      const speakers = [...block.speakers];
      for (const s of (b as typeof block).speakers) if (!speakers.includes(s)) speakers.push(s);
      block = { ...block, title: text, speakers };
      break;
    }
    case "aside":
      break;
    case "image": {
      // One photo taken twice (same hash): whichever side described it.
      const other = b as typeof block;
      block = { ...block, alt: block.alt || other.alt, caption: block.caption || other.caption };
      break;
    }
    default:
      block = { ...block, text };
  }
  // The earlier of the two times: when the remark was made, as far as either note-taker knows.
  const times = [timeOf(a), timeOf(b)].filter((t): t is number => t !== null);
  if (times.length) block = { ...block, at: (timeOf(a) ?? Infinity) <= (timeOf(b) ?? Infinity) ? a.at : b.at };
  const node: Node = { block, sources: ["left", "right"], kids: [] };
  node.kids = mergeLists(kidsOf(a), kidsOf(b), l.path, r.path, ctx, node);
  ctx.duplicates.push({
    node,
    type: a.type,
    kept: keepRight ? "right" : "left",
    left: textOf(a),
    right: textOf(b),
    similarity: round(
      textSimilarity(
        l.features,
        r.features,
        a.type === "question" || b.type === "question" ? QUESTION_WORDS : undefined,
      ),
    ),
  });
  return node;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Pairs a thread's left-only and right-only answers of the same speaker,
 * most alike first: two accounts of one answer that did not read as the same
 * note. Returns the nodes a resolution drops.
 */
function findConflicts(
  L: Item[],
  R: Item[],
  leftMatch: Map<number, number>,
  rightMatch: Map<number, number>,
  leftNodes: Node[],
  rightOnly: Map<number, Node>,
  ctx: Context,
  holder: Node,
): Set<Node> {
  const candidates: { i: number; j: number; sim: number }[] = [];
  for (const [i, l] of L.entries()) {
    if (leftMatch.has(i) || l.block.type !== "statement" || l.block.speaker === null) continue;
    for (const [j, r] of R.entries()) {
      if (rightMatch.has(j) || r.block.type !== "statement" || r.block.speaker !== l.block.speaker) continue;
      candidates.push({ i, j, sim: textSimilarity(l.features, r.features) });
    }
  }
  candidates.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const dropped = new Set<Node>();
  for (const c of candidates) {
    if (usedL.has(c.i) || usedR.has(c.j)) continue;
    usedL.add(c.i);
    usedR.add(c.j);
    const l = L[c.i]!;
    const r = R[c.j]!;
    const id = `${l.path}|${r.path}`;
    const choice = ctx.resolutions[id] ?? "both";
    if (choice === "left") dropped.add(rightOnly.get(c.j)!);
    if (choice === "right") dropped.add(leftNodes[c.i]!);
    ctx.conflicts.push({
      id,
      holder,
      thread: textOf(holder.block),
      speaker: ctx.speakerName((l.block as { speaker: string }).speaker),
      left: textOf(l.block),
      right: textOf(r.block),
      similarity: round(c.sim),
      choice,
    });
  }
  return dropped;
}
