import { NodeRange, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { TextSelection, type Command } from "@tiptap/pm/state";
import { blockPeople } from "./block-people";
import { findNotesBlock } from "./find-notes-block";
import { liftNotesBlockRange } from "./lift-notes-block-range";
import { newBlockAfter } from "./new-block-after";

/**
 * Enter inside a block's text.
 * - Empty, unattributed block without children: lift it when nested (like
 *   leaving a list; a statement that lands outside a thread becomes a note),
 *   else make it a plain note, so Enter on an empty answer leaves the thread
 *   for an ordinary note instead of adding empty statements forever.
 * - At the end of the text: a new empty block, as the first child when the
 *   block is a question (its first answer), a talk (its first note) or already
 *   has children; otherwise as the next sibling. Its type comes from
 *   {@link newBlockAfter}.
 * - At the start of non-empty text: an empty sibling is inserted before, the
 *   cursor stays with the text.
 * - In the middle: the block splits in two of the same type and attribution;
 *   the second half keeps the nested blocks so reading order is unchanged.
 * A non-empty selection is deleted first.
 */
/** Blocks whose unattributed statement children mean something: a question's answers, a quote's continuation. */
function continuesSpeaker(parent: ProseMirrorNode): boolean {
  return parent.type.name === "question" || parent.type.name === "statement";
}

export const splitNotesBlockCommand: Command = (state, dispatch) => {
  if (!(state.selection instanceof TextSelection)) return false;
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const $pos = tr.selection.$from;
  const paragraph = $pos.parent;
  const block = findNotesBlock($pos);
  if (paragraph.type.name !== "paragraph" || !block || block.depth !== $pos.depth - 1) return false;
  const { node, pos, depth } = block;
  const parent = $pos.node(depth - 1);
  const schema = state.schema;

  const isEmpty = paragraph.content.size === 0 && node.childCount === 1;
  if (isEmpty && blockPeople(node).length === 0) {
    if (depth > 1) {
      const range = new NodeRange(tr.doc.resolve(pos), tr.doc.resolve(pos + node.nodeSize), depth - 1);
      liftNotesBlockRange(tr, range);
      // Leaving a thread (or a quote's continuation) lands on a plain note: an unattributed statement
      // outside them would export as a quote nobody said. Continuing a speaker is explicit (@ or Tab).
      const $lifted = tr.selection.$from;
      const lifted = findNotesBlock($lifted);
      if (lifted && lifted.node.type.name === "statement" && !continuesSpeaker($lifted.node(lifted.depth - 1))) {
        tr.setNodeMarkup(lifted.pos, schema.nodes.note);
      }
      if (dispatch) dispatch(tr.scrollIntoView());
      return true;
    }
    if (node.type.name !== "note") {
      if (dispatch) dispatch(tr.setNodeMarkup(pos, schema.nodes.note).scrollIntoView());
      return true;
    }
  }

  const atEnd = $pos.parentOffset === paragraph.content.size;
  const atStart = $pos.parentOffset === 0 && !atEnd;
  if (!atEnd && !atStart) {
    // The star of a key moment stays with the first half: the moment is what was starred, not what follows.
    tr.split($pos.pos, 2, [{ type: node.type, attrs: { ...node.attrs, starred: null } }, { type: paragraph.type }]);
    if (dispatch) dispatch(tr.scrollIntoView());
    return true;
  }

  const asChild = atEnd && (node.type.name === "question" || node.type.name === "talk" || node.childCount > 1);
  const spec = newBlockAfter(node, parent, asChild);
  const newBlock = schema.nodes[spec.typeName]!.create(spec.attrs, schema.nodes.paragraph!.create());
  if (atStart) {
    tr.insert(pos, newBlock);
    tr.setSelection(TextSelection.create(tr.doc, $pos.pos + newBlock.nodeSize));
  } else {
    const insertAt = asChild ? $pos.after() : pos + node.nodeSize;
    tr.insert(insertAt, newBlock);
    tr.setSelection(TextSelection.create(tr.doc, insertAt + 2));
  }
  if (dispatch) dispatch(tr.scrollIntoView());
  return true;
};
