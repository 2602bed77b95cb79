import type { Block } from "./types";
import { walkBlocks } from "./walk-blocks";

/**
 * Every person id the blocks refer to (who asked, who said, who gave a talk),
 * at any depth, each once, in reading order.
 */
export function referencedPersonIds(blocks: readonly Block[]): Set<string> {
  const ids = new Set<string>();
  walkBlocks(blocks, (block) => {
    if (block.type === "question" && block.askedBy !== null) ids.add(block.askedBy);
    else if (block.type === "statement" && block.speaker !== null) ids.add(block.speaker);
    else if (block.type === "talk") block.speakers.forEach((id) => ids.add(id));
  });
  return ids;
}
