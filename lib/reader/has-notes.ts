import type { Block, TalkNotesDocument } from "../interchange/types";

function blockHasText(block: Block): boolean {
  switch (block.type) {
    case "question":
      return block.text.trim() !== "" || block.answers.some(blockHasText);
    case "statement":
      return block.text.trim() !== "" || block.asides.some((a) => a.trim() !== "") || block.children.some(blockHasText);
    case "aside":
      return block.text.trim() !== "";
    case "image":
      return true;
    case "talk":
      return block.title.trim() !== "" || block.children.some(blockHasText);
    default:
      return block.text.trim() !== "" || block.children.some(blockHasText);
  }
}

/**
 * Whether anyone has written notes in a session: a block with some text. A
 * fresh session (no document, or only the editor's empty paragraph) has
 * none; "Publish all" leaves such sessions as drafts by default.
 */
export function hasNotes(doc: Pick<TalkNotesDocument, "blocks"> | null): boolean {
  return !!doc && doc.blocks.some(blockHasText);
}
