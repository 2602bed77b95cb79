import type { Block } from "../interchange/types";
import { walkBlocks } from "../interchange/walk-blocks";

const PREFIX: Record<Block["type"], string> = {
  question: "q",
  statement: "s",
  talk: "t",
  note: "n",
  tip: "n",
  aside: "n",
  image: "p",
};

/**
 * The fragment id of every block, in reading order: questions `q-1, q-2 ...`,
 * statements `s-1 ...`, talks `t-1 ...`, notes, tips and asides `n-1 ...`, photos `p-1 ...`.
 * The reader page, the search index and speaker pages all derive ids from this
 * one walk, so a search hit or a speaker's quote links to the same element.
 * Ids are positional (talknotes/1 blocks carry no ids): inserting a thread
 * above renumbers the ones after it.
 */
export function blockAnchors(blocks: readonly Block[]): Map<Block, string> {
  const counters = { q: 0, s: 0, t: 0, n: 0, p: 0 };
  const anchors = new Map<Block, string>();
  walkBlocks(blocks, (block) => {
    const prefix = PREFIX[block.type] as keyof typeof counters;
    counters[prefix] += 1;
    anchors.set(block, `${prefix}-${counters[prefix]}`);
  });
  return anchors;
}
