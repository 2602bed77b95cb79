import type { Block } from "./types";

/**
 * A copy of `block` with `children` nested under it, in the field
 * {@link nestedBlocks} reads (`answers` for a question). Asides and photos
 * cannot hold blocks: they are returned unchanged.
 */
export function withChildBlocks(block: Block, children: Block[]): Block {
  if (block.type === "question") return { ...block, answers: children };
  return block.type === "aside" || block.type === "image" ? block : { ...block, children };
}
