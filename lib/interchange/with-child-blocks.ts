import type { Block } from "./types";

/**
 * A copy of `block` with `children` nested under it, in the field
 * {@link childBlocks} reads (`answers` for a question). An aside cannot hold
 * blocks: it is returned unchanged.
 */
export function withChildBlocks(block: Block, children: Block[]): Block {
  if (block.type === "question") return { ...block, answers: children };
  return block.type === "aside" ? block : { ...block, children };
}
