import { childBlocks } from "./child-blocks";
import type { Block } from "./types";

/**
 * Visits every block at any depth in reading order (a block before the
 * blocks nested under it), with its path: the index in its list at each
 * level, from `blocks` down through answers or children.
 */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block, path: readonly number[]) => void): void {
  const walk = (list: readonly Block[], parent: readonly number[]) =>
    list.forEach((block, i) => {
      const path = [...parent, i];
      visit(block, path);
      walk(childBlocks(block), path);
    });
  walk(blocks, []);
}
