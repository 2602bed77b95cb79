import { NodeRange, type ResolvedPos } from "@tiptap/pm/model";
import { NOTES_BLOCK_GROUP } from "../notes-block-names";

/**
 * The sibling outline blocks covered by a selection from `$from` to `$to`:
 * the deepest depth at which both ends sit in notes blocks under one common
 * parent. A cursor gives the single block around it; a selection over several
 * bullets gives all of them (so Tab indents them together). Null when the
 * selection is not inside notes blocks.
 */
export function findNotesBlockRange($from: ResolvedPos, $to: ResolvedPos): NodeRange | null {
  for (let depth = Math.min($from.depth, $to.depth); depth > 0; depth--) {
    const sameParent = $from.start(depth - 1) === $to.start(depth - 1);
    if (!sameParent) continue;
    if (!$from.node(depth).type.isInGroup(NOTES_BLOCK_GROUP)) continue;
    if (!$to.node(depth).type.isInGroup(NOTES_BLOCK_GROUP)) continue;
    const $start = $from.doc.resolve($from.before(depth));
    const $end = $from.doc.resolve($to.after(depth));
    return new NodeRange($start, $end, depth - 1);
  }
  return null;
}
