import { NodeRange } from "@tiptap/pm/model";
import type { Command } from "@tiptap/pm/state";
import type { NotesBlockName } from "../notes-block-names";
import { attrsForPeople } from "./attrs-for-people";
import { blockPeople } from "./block-people";
import { canHaveChildren } from "./can-have-children";
import { selectedNotesBlockPositions } from "./selected-notes-block-positions";

/**
 * Turn the block(s) around the selection into `typeName`, keeping text and
 * nested blocks. The person a block is attributed to carries over (statement
 * speaker <-> question asker <-> talk speakers), and so do the attributes
 * every block has (its time, a key-moment star); `attrs` override that.
 * A type that cannot hold children (`asideBlock`) keeps only the text: the
 * nested blocks are lifted to follow it as siblings, in order.
 */
export function setNotesBlockTypeCommand(typeName: NotesBlockName, attrs?: Record<string, unknown>): Command {
  return (state, dispatch) => {
    const type = state.schema.nodes[typeName];
    const positions = selectedNotesBlockPositions(state);
    if (!type || positions.length === 0) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    // Back to front: changing a later block never moves an earlier block's start.
    for (const pos of [...positions].reverse()) {
      const node = tr.doc.nodeAt(pos);
      if (!node) continue;
      const nextAttrs = { ...node.attrs, ...attrsForPeople(typeName, blockPeople(node)), ...attrs };
      const probe = type.create(nextAttrs);
      if (!canHaveChildren(probe) && node.childCount > 1) {
        const firstChild = node.firstChild!;
        const $start = tr.doc.resolve(pos + 1 + firstChild.nodeSize);
        const $end = tr.doc.resolve(pos + node.nodeSize - 1);
        tr.lift(new NodeRange($start, $end, $start.depth), $start.depth - 1);
      }
      tr.setNodeMarkup(pos, type, nextAttrs);
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}
