import type { Command } from "@tiptap/pm/state";
import { findNotesBlockRange } from "./find-notes-block-range";
import { liftNotesBlockRange } from "./lift-notes-block-range";

/**
 * Shift-Tab, outliner style: move the selected block(s) out of their parent
 * to follow it, and let the siblings that came after them become children of
 * the last moved block. Reading order never changes, which matters more in
 * live notes than keeping those siblings under the old parent. When the last
 * moved block cannot hold children (an `asideBlock`) those siblings move out
 * with it instead. False at the top level.
 */
export const liftNotesBlockCommand: Command = (state, dispatch) => {
  const range = findNotesBlockRange(state.selection.$from, state.selection.$to);
  if (!range || range.depth === 0) return false;
  if (dispatch) dispatch(liftNotesBlockRange(state.tr, range).scrollIntoView());
  return true;
};
