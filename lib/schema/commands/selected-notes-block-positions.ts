import type { EditorState } from "@tiptap/pm/state";
import { NOTES_BLOCK_GROUP } from "../notes-block-names";
import { findNotesBlock } from "./find-notes-block";

/**
 * Positions (before the node) of every outline block whose own text the
 * selection touches, in document order. A cursor gives the block around it.
 * Blocks merely containing the selection in a nested child are not included.
 */
export function selectedNotesBlockPositions(state: Pick<EditorState, "selection" | "doc">): number[] {
  const { $from, from, to, empty } = state.selection;
  if (empty) {
    const found = findNotesBlock($from);
    return found ? [found.pos] : [];
  }
  const positions: number[] = [];
  state.doc.nodesBetween(from, to, (node, pos, parent) => {
    if (node.type.name === "paragraph" && parent?.type.isInGroup(NOTES_BLOCK_GROUP)) positions.push(pos - 1);
    return !node.isTextblock;
  });
  if (positions.length === 0) {
    const found = findNotesBlock($from);
    if (found) positions.push(found.pos);
  }
  return positions;
}
