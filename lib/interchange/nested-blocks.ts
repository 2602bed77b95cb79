import type { Block } from "./types";

/** The blocks nested in a block: a question's answers, the children of the others, none for asides and photos. */
export function nestedBlocks(block: Block): readonly Block[] {
  if (block.type === "question") return block.answers;
  return block.type === "aside" || block.type === "image" ? [] : block.children;
}
