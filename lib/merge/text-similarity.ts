import { boundedEditDistance } from "../people/bounded-edit-distance";

/** Below this many content words a text is too short to be judged "contained" in another by chance. */
const MIN_CONTAINED = 3;
/** Containment counts slightly less than equality: "rollbacks per deploy" inside a long answer is weaker evidence. */
const CONTAINMENT_WEIGHT = 0.9;

/**
 * How alike two notes are, 0–1, over their content words (textFeatures):
 * the larger of the Jaccard index and the overlap coefficient (shared words
 * over the shorter side's words, weighted 0.9, and only when the shorter side
 * has at least three content words; questions: two). Words count as shared when equal or,
 * from five letters on, one typo apart ("throughput" / "througput").
 *
 * Why both: Jaccard alone punishes the usual difference between two
 * note-takers, one of whom abridges ("rollbacks per hundred deploys" vs
 * "we look at rollbacks per hundred deploys, and publish it"); the overlap
 * coefficient alone calls any short note a duplicate of a long one that
 * happens to contain its two words. ARCHITECTURE.md ("Merging notes") has the
 * measurements behind the choice and the thresholds.
 */
export function textSimilarity(
  a: readonly string[],
  b: readonly string[],
  /** Questions are short and their few content words are the topic: two of them may be enough. */
  minContained = MIN_CONTAINED,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const exact = new Set(large);
  const used = new Set<string>();
  let shared = 0;
  for (const word of small) {
    if (exact.has(word) && !used.has(word)) {
      used.add(word);
      shared++;
      continue;
    }
    if (word.length < 5) continue;
    for (const other of large) {
      if (used.has(other) || other.length < 5) continue;
      if (boundedEditDistance(word, other, 1) <= 1) {
        used.add(other);
        shared++;
        break;
      }
    }
  }
  const jaccard = shared / (a.length + b.length - shared);
  const containment = small.length >= minContained ? (CONTAINMENT_WEIGHT * shared) / small.length : 0;
  return Math.max(jaccard, containment);
}
