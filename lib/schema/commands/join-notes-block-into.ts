import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { TextSelection, type Transaction } from "@tiptap/pm/state";

/**
 * Adds to `tr` the join of `block` (at `blockPos`) into the text that ends at
 * `textEnd`, which must come before the block: the block's text is appended
 * there and its nested blocks take its place, so nothing changes order. The
 * cursor ends at the seam. The block's type and attribution are dropped.
 */
export function joinNotesBlockInto(
  tr: Transaction,
  block: ProseMirrorNode,
  blockPos: number,
  textEnd: number,
): Transaction {
  const paragraph = block.firstChild!;
  tr.replaceWith(blockPos, blockPos + block.nodeSize, block.content.cut(paragraph.nodeSize));
  tr.insert(textEnd, paragraph.content);
  return tr.setSelection(TextSelection.create(tr.doc, textEnd));
}
