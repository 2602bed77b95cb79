import { nestedBlocks } from "../interchange/nested-blocks";
import type { Block } from "../interchange/types";

/**
 * The starred blocks (key moments) of a document in reading order, at any
 * depth: what the "Key moments" summary above the notes lists. Each is the
 * block itself (its nested blocks are for the caller to ignore: a summary
 * names the moment, not the whole thread under it).
 */
export function keyMoments(blocks: readonly Block[]): Block[] {
  const found: Block[] = [];
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.starred === true) found.push(block);
      walk(nestedBlocks(block));
    }
  };
  walk(blocks);
  return found;
}
