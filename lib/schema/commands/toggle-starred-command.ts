import type { Command } from "@tiptap/pm/state";
import { selectedNotesBlockPositions } from "./selected-notes-block-positions";

/**
 * Star the block(s) around the selection as key moments, or unstar them when
 * every one of them is already starred (so the same key both sets and clears,
 * and a mixed selection becomes all starred rather than flipping each).
 */
export function toggleStarredCommand(): Command {
  return (state, dispatch) => {
    const positions = selectedNotesBlockPositions(state);
    if (positions.length === 0) return false;
    if (!dispatch) return true;
    const starred = positions.every((pos) => state.doc.nodeAt(pos)?.attrs.starred === true) ? null : true;
    const tr = state.tr;
    for (const pos of positions) tr.setNodeAttribute(pos, "starred", starred);
    dispatch(tr);
    return true;
  };
}
