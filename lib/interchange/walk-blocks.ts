import { nestedBlocks } from "./nested-blocks";
import type { Block } from "./types";

/**
 * Visits every block at any depth in reading order (a block before the
 * blocks nested under it), with its path (the index in its list at each
 * level, from `blocks` down through answers or children) and the block it is
 * nested in (null at the top).
 */
export function walkBlocks(
  blocks: readonly Block[],
  visit: (block: Block, path: readonly number[], parent: Block | null) => void,
): void {
  const walk = (list: readonly Block[], at: readonly number[], parent: Block | null) =>
    list.forEach((block, i) => {
      const path = [...at, i];
      visit(block, path, parent);
      walk(nestedBlocks(block), path, block);
    });
  walk(blocks, [], null);
}
