import { nestedBlocks } from "./nested-blocks";
import type { Block, ImageBlock } from "./types";

/** Every photo block of a document, nested ones included, in reading order. */
export function photosOf(blocks: readonly Block[]): ImageBlock[] {
  return blocks.flatMap((b) => (b.type === "image" ? [b] : photosOf(nestedBlocks(b))));
}
