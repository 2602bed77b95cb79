import { Fragment, NodeRange, Slice } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { ReplaceAroundStep } from "@tiptap/pm/transform";
import { canHaveChildren } from "./can-have-children";

/**
 * Adds to `tr` the outliner lift of `range` (sibling blocks whose parent is a
 * block, not the doc): the blocks move out to follow their parent, and the
 * siblings after them become children of the last moved block, or move out
 * with it when it cannot hold children. Only mapping-friendly steps are used.
 */
export function liftNotesBlockRange(tr: Transaction, range: NodeRange): Transaction {
  const parentContentEnd = range.$to.end(range.depth);
  const hasFollowing = range.endIndex < range.parent.childCount;
  const last = range.parent.child(range.endIndex - 1);
  if (hasFollowing && canHaveChildren(last)) {
    // Move the last block's closing token to the end of the parent: the following siblings become its children.
    const closing = new Slice(Fragment.from(last.type.create(last.attrs)), 1, 0);
    tr.step(new ReplaceAroundStep(range.end - 1, parentContentEnd, range.end, parentContentEnd, closing, 0, true));
  }
  const $start = tr.doc.resolve(range.start);
  const $end = tr.doc.resolve(parentContentEnd);
  return tr.lift(new NodeRange($start, $end, range.depth), range.depth - 1);
}
