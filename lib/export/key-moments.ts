import type { Block } from "../interchange/types";
import { walkBlocks } from "../interchange/walk-blocks";

/**
 * The starred blocks (key moments) of a document in reading order, at any
 * depth: what the "Key moments" summary above the notes lists. Each is the
 * block itself (its nested blocks are for the caller to ignore: a summary
 * names the moment, not the whole thread under it).
 */
export function keyMoments(blocks: readonly Block[]): Block[] {
  const found: Block[] = [];
  walkBlocks(blocks, (block) => {
    if (block.starred === true) found.push(block);
  });
  return found;
}
