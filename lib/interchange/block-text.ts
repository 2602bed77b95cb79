import type { Block } from "./types";

/**
 * The words a block says, as one string: a talk's title, a photo's alt text
 * (else its caption), every other block's text. For comparing and listing
 * blocks (merging, reports), not for rendering: renderers know each field.
 */
export function blockText(block: Block): string {
  if (block.type === "talk") return block.title;
  if (block.type === "image") return block.alt || block.caption;
  return block.text;
}
