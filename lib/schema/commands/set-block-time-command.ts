import type { Command } from "@tiptap/pm/state";
import { BLOCK_TIME_ATTRIBUTE } from "../block-time-attribute";
import { selectedNotesBlockPositions } from "./selected-notes-block-positions";

/**
 * Set by hand when the block(s) around the selection were said: an ISO 8601
 * instant, or null to clear it. Anything else is refused.
 */
export function setBlockTimeCommand(at: string | null): Command {
  return (state, dispatch) => {
    if (at !== null && Number.isNaN(Date.parse(at))) return false;
    const positions = selectedNotesBlockPositions(state);
    if (positions.length === 0) return false;
    if (!dispatch) return true;
    const value = at === null ? null : new Date(at).toISOString();
    const tr = state.tr;
    for (const pos of positions) tr.setNodeAttribute(pos, BLOCK_TIME_ATTRIBUTE, value);
    dispatch(tr);
    return true;
  };
}
