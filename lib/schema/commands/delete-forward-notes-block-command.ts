import { Selection, type Command } from "@tiptap/pm/state";
import { findNotesBlock } from "./find-notes-block";
import { joinNotesBlockInto } from "./join-notes-block-into";

/**
 * Delete at the very end of a block's text: the next line in reading order
 * (first child, next sibling, or the parent's next sibling) joins onto this
 * text and its nested blocks take its place. ProseMirror's own joinForward
 * would instead move a following block (with its text) under this one.
 * False elsewhere and at the end of the document.
 */
export const deleteForwardNotesBlockCommand: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const paragraph = $from.parent;
  if (!empty || paragraph.type.name !== "paragraph" || $from.parentOffset !== paragraph.content.size) return false;
  const block = findNotesBlock($from);
  if (!block || block.depth !== $from.depth - 1) return false;
  const next = Selection.findFrom(state.doc.resolve($from.after()), 1, true);
  if (!next) return false;
  const nextBlock = findNotesBlock(next.$from);
  if (!nextBlock || nextBlock.depth !== next.$from.depth - 1 || next.$from.parentOffset !== 0) return false;
  if (dispatch) dispatch(joinNotesBlockInto(state.tr, nextBlock.node, nextBlock.pos, $from.pos).scrollIntoView());
  return true;
};
