import { nestedBlocks } from "../interchange/nested-blocks";
import type { Block, TalkNotesDocument } from "../interchange/types";

function blockHasText(block: Block): boolean {
  return ownText(block) || nestedBlocks(block).some(blockHasText);
}

function ownText(block: Block): boolean {
  if (block.type === "image") return true;
  if (block.type === "talk") return block.title.trim() !== "";
  if (block.type === "statement" && block.asides.some((a) => a.trim() !== "")) return true;
  return block.text.trim() !== "";
}

/**
 * Whether anyone has written notes in a session: a block with some text. A
 * fresh session (no document, or only the editor's empty paragraph) has
 * none; "Publish all" leaves such sessions as drafts by default.
 */
export function hasNotes(doc: Pick<TalkNotesDocument, "blocks"> | null): boolean {
  return !!doc && doc.blocks.some(blockHasText);
}
