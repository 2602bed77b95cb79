import type { SpeakerMatch, SpeakerMatchKind } from "./match-speaker";

/** How sure a match is, by kind: what the import report shows next to each guess. */
const MATCH_CONFIDENCE: Record<SpeakerMatchKind, number> = {
  name: 1,
  handle: 1,
  alias: 0.95,
  "first-name": 0.9,
  "last-name": 0.85,
  initials: 0.7,
  prefix: 0.7,
  fuzzy: 0.6,
};

/** The confidence of one match; a two-letter typo is less sure than a one-letter one. */
export function matchConfidence(match: Pick<SpeakerMatch, "how" | "distance">): number {
  return match.how === "fuzzy" ? Math.max(0.3, 0.7 - 0.15 * match.distance) : MATCH_CONFIDENCE[match.how];
}
