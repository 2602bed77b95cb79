import { Fragment, Slice } from "@tiptap/pm/model";
import type { Command } from "@tiptap/pm/state";
import { ReplaceAroundStep } from "@tiptap/pm/transform";
import { NOTES_BLOCK_GROUP } from "../notes-block-names";
import { canHaveChildren } from "./can-have-children";
import { findNotesBlockRange } from "./find-notes-block-range";

/**
 * Tab: make the selected sibling block(s) the last children of the block just
 * before them. False (nothing to do) when there is no previous sibling block
 * or it cannot hold children (an `asideBlock`).
 *
 * Done as one ReplaceAroundStep that moves the previous sibling's closing
 * token past the range, so selections, remote cursors and undo map through
 * it cleanly instead of seeing a delete plus an insert.
 */
export const sinkNotesBlockCommand: Command = (state, dispatch) => {
  const range = findNotesBlockRange(state.selection.$from, state.selection.$to);
  if (!range || range.startIndex === 0) return false;
  const previous = range.parent.child(range.startIndex - 1);
  if (!previous.type.isInGroup(NOTES_BLOCK_GROUP) || !canHaveChildren(previous)) return false;
  if (dispatch) {
    const { start, end } = range;
    const closing = new Slice(Fragment.from(previous.type.create(previous.attrs)), 1, 0);
    dispatch(state.tr.step(new ReplaceAroundStep(start - 1, end, start, end, closing, 0, true)).scrollIntoView());
  }
  return true;
};
