import type { Block } from "./types";

/**
 * The blocks nested under `block`: a question's answers, an aside's none
 * (asides never nest), every other block's children. The one place that
 * knows which field holds a block's subtree; walks go through it.
 */
export function childBlocks(block: Block): readonly Block[] {
  if (block.type === "question") return block.answers;
  return block.type === "aside" ? [] : block.children;
}
