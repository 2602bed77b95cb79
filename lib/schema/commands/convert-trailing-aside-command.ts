import type { Command } from "@tiptap/pm/state";
import { ASIDE_MARK_NAME } from "../notes-block-names";
import { OWN_UNDO_STEP_META } from "../own-undo-step-meta";

/**
 * A closing `)` that ends a statement's text with `(…)`: the bracketed words
 * are the note-taker's, not the speaker's (`we ship daily (great point)`).
 * Group 1 is the aside's text.
 */
export const TRAILING_ASIDE_REGEX = /(?:^|\s)\(([^()]*[^()\s][^()]*)\)$/;

/**
 * With the caret at the end of a statement whose text ends in `(…)`, turns
 * the bracketed words into an inline aside (the brackets are drawn, not
 * stored), so the speaker is not credited with the note-taker's words. The
 * transaction is its own undo step ({@link OWN_UNDO_STEP_META}): one Ctrl-Z
 * gives the literal brackets back. Does nothing (false) anywhere else.
 */
export const convertTrailingAsideCommand: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const block = $from.node($from.depth - 1);
  if (!empty || block?.type.name !== "statement" || $from.parentOffset !== $from.parent.content.size) return false;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
  const match = TRAILING_ASIDE_REGEX.exec(before);
  if (!match) return false;
  const asideType = state.schema.marks[ASIDE_MARK_NAME]!;
  const open = $from.pos - (match[0].length - match[0].indexOf("("));
  if (state.doc.rangeHasMark(open, $from.pos, asideType)) return false;
  if (dispatch) {
    dispatch(
      state.tr
        .replaceWith(open, $from.pos, state.schema.text(match[1]!, [asideType.create()]))
        .removeStoredMark(asideType)
        .setMeta(OWN_UNDO_STEP_META, true),
    );
  }
  return true;
};
