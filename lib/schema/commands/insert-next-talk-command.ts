import { TextSelection, type Command } from "@tiptap/pm/state";

/**
 * Start the next talk of an Ignite / lightning series: an empty `talk` right
 * after the talk around the cursor (or after the top-level block around it
 * when not inside a talk), with the cursor in its title.
 */
export const insertNextTalkCommand: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.depth < 1) return false;
  let depth = 1;
  for (let d = 1; d <= $from.depth; d++) {
    if ($from.node(d).type.name === "talk") {
      depth = d;
      break;
    }
  }
  const { talk, paragraph } = state.schema.nodes;
  if (!talk || !paragraph) return false;
  if (dispatch) {
    const insertAt = $from.after(depth);
    const tr = state.tr.insert(insertAt, talk.create({ speakers: [] }, paragraph.create()));
    tr.setSelection(TextSelection.create(tr.doc, insertAt + 2));
    dispatch(tr.scrollIntoView());
  }
  return true;
};
