import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { NOTES_BLOCK_GROUP } from "../notes-block-names";
import { BLOCK_TIME_ATTRIBUTE } from "../block-time-attribute";
import { SAME_UNDO_STEP_META } from "../same-undo-step-meta";

/**
 * The transaction that gives `at` (ISO 8601, UTC) to every block first
 * written by `transactions`: a block whose own line was empty or absent
 * before and has text now, and has no time yet. Null when there is none.
 *
 * Only the ranges the transactions changed are looked at (their step maps),
 * so typing costs the same in a long document as in a short one: a keystroke
 * resolves its own position and checks the one block around it. A block
 * that already has text but no time (notes imported without times) is not
 * given one by being edited: nobody knows when it was said.
 *
 * The stamp belongs to the undo step of the typing that caused it
 * ({@link SAME_UNDO_STEP_META}): it is never a step of its own and never
 * splits one (an attribute step alone would otherwise count as a change of
 * structure and end the step after a new line's first character).
 */
export function stampNewBlockTimes(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  nowIso: string,
): Transaction | null {
  const ranges: Array<[number, number]> = [];
  transactions.forEach((tr, index) => {
    if (!tr.docChanged) return;
    tr.mapping.maps.forEach((map, stepIndex) => {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        // Carry the range to the final document through the rest of this and the later transactions.
        let from = newStart;
        let to = newEnd;
        for (const later of [tr.mapping.slice(stepIndex + 1), ...transactions.slice(index + 1).map((t) => t.mapping)]) {
          from = later.map(from, -1);
          to = later.map(to, 1);
        }
        ranges.push([from, to]);
      });
    });
  });
  if (ranges.length === 0) return null;

  const doc = newState.doc;
  const stamped = new Set<number>();
  const tr = newState.tr;
  const stamp = (node: ProseMirrorNode, pos: number) => {
    if (stamped.has(pos) || node.attrs[BLOCK_TIME_ATTRIBUTE] || !hasText(node)) return;
    stamped.add(pos);
    tr.setNodeAttribute(pos, BLOCK_TIME_ATTRIBUTE, nowIso);
  };
  const forward = new Mapping();
  for (const t of transactions) forward.appendMapping(t.mapping);
  const back = forward.invert();
  for (const [from, to] of ranges) {
    const $from = doc.resolve(Math.min(from, doc.content.size));
    // The block whose line the change starts in: new if its line was empty before the change.
    for (let depth = $from.depth; depth > 0; depth--) {
      const node = $from.node(depth);
      if (!node.type.isInGroup(NOTES_BLOCK_GROUP)) continue;
      const pos = $from.before(depth);
      if ($from.index(depth) === 0 && wasBlank(oldState.doc, back.map(pos, 1))) stamp(node, pos);
      break;
    }
    // Blocks wholly inside the changed range are new (pasted, inserted).
    if (!$from.parent.isTextblock || to > $from.end()) {
      doc.nodesBetween(from, Math.min(to, doc.content.size), (node, pos) => {
        if (!node.type.isInGroup(NOTES_BLOCK_GROUP)) return true;
        if (pos >= from && pos + node.nodeSize <= to) stamp(node, pos);
        return true;
      });
    }
  }
  return tr.docChanged ? tr.setMeta(SAME_UNDO_STEP_META, true) : null;
}

function hasText(block: ProseMirrorNode): boolean {
  const line = block.firstChild;
  return line !== null && line.content.size > 0;
}

/** Whether the old document had, at `pos`, no block or one whose own line was empty. */
function wasBlank(oldDoc: ProseMirrorNode, pos: number): boolean {
  if (pos >= oldDoc.content.size) return true;
  const node = oldDoc.nodeAt(pos);
  if (!node || !node.type.isInGroup(NOTES_BLOCK_GROUP)) return true;
  return !hasText(node);
}
