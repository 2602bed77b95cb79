import type { Fragment } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from "@tiptap/pm/transform";
import { NOTES_BLOCK_GROUP } from "./notes-block-names";
import { OWN_UNDO_STEP_META } from "./own-undo-step-meta";
import { SAME_UNDO_STEP_META } from "./same-undo-step-meta";

/**
 * Where a local transaction puts undo-step boundaries, so one Ctrl-Z takes
 * back one block's worth of typing rather than everything typed without a
 * pause:
 * - `none`: typing and deleting inside one line (merged into the current step);
 * - `before`: it creates a block (Enter, a paste of several lines): the new
 *   block and what is typed in it form the next step;
 * - `after`: any other change of structure (attribution picked, block type,
 *   indent, outdent, joining lines) ends the current step;
 * - `both`: an automatic conversion marked with {@link OWN_UNDO_STEP_META},
 *   undone on its own;
 * - `inherit`: an automatic consequence of the change before it, marked with
 *   {@link SAME_UNDO_STEP_META} (a block's time stamp): part of that change's
 *   step, it must leave the boundaries exactly as that change set them.
 */
export function undoBoundaryOf(tr: Transaction): "none" | "before" | "after" | "both" | "inherit" {
  if (tr.getMeta(OWN_UNDO_STEP_META)) return "both";
  if (tr.getMeta(SAME_UNDO_STEP_META)) return "inherit";
  if (!tr.docChanged) return "none";
  let structural = false;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) continue;
    if (step instanceof ReplaceStep) {
      const { slice, from, to } = step as unknown as {
        slice: { content: Fragment; openStart: number; openEnd: number };
        from: number;
        to: number;
      };
      if (slice.openStart > 0 || slice.openEnd > 0 || containsBlock(slice.content)) return "before";
      const doc = tr.docs[i]!;
      const $from = doc.resolve(from);
      if ($from.parent.isTextblock && $from.sameParent(doc.resolve(to))) continue;
    }
    structural = true;
  }
  return structural ? "after" : "none";
}

function containsBlock(content: Fragment): boolean {
  let found = false;
  content.forEach((node) => {
    if (node.type.isInGroup(NOTES_BLOCK_GROUP) || node.isBlock) found = true;
  });
  return found;
}
