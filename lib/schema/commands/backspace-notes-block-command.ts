import { Selection, type Command } from "@tiptap/pm/state";
import type { NotesBlockName } from "../notes-block-names";
import { attrsForPeople } from "./attrs-for-people";
import { blockPeople } from "./block-people";
import { findNotesBlock } from "./find-notes-block";
import { joinNotesBlockInto } from "./join-notes-block-into";

/**
 * Backspace at the very start of a block's text, undoing structure one step
 * at a time before any text is lost:
 * 1. an attributed block loses its attribution (speaker, asker, talk speakers);
 * 2. otherwise a block of another type becomes a plain note;
 * 3. a note joins its text onto the end of the text just before it (its
 *    parent's, or the last line of the previous sibling), and its own nested
 *    blocks take its place, so reading order is unchanged.
 * False anywhere else (ProseMirror's default Backspace then applies), and for
 * the first block of the document.
 */
export const backspaceNotesBlockCommand: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset !== 0 || $from.parent.type.name !== "paragraph") return false;
  const block = findNotesBlock($from);
  if (!block || block.depth !== $from.depth - 1) return false;
  const { node, pos, depth } = block;
  const typeName = node.type.name as NotesBlockName;

  if (blockPeople(node).length > 0) {
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrsForPeople(typeName, []) }));
    return true;
  }
  if (typeName !== "note") {
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, state.schema.nodes.note, node.attrs));
    return true;
  }

  if (depth === 1 && $from.index(0) === 0) return false;
  const target = Selection.findFrom(state.doc.resolve(pos), -1, true);
  if (!target) return false;
  if (dispatch) dispatch(joinNotesBlockInto(state.tr, node, pos, target.from).scrollIntoView());
  return true;
};
