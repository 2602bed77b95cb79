import { mergeAttributes, Node } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { convertTrailingAsideCommand } from "./commands/convert-trailing-aside-command";
import { setSpeakerCommand } from "./commands/set-speaker-command";
import { NOTES_BLOCK_GROUP, NOTES_CONTAINER_CONTENT } from "./notes-block-names";
import { personIdAttribute } from "./person-id-attribute";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    statement: {
      /** Make the block(s) around the selection statements by `personId` (null: unattributed). */
      setSpeaker: (personId: string | null) => ReturnType;
    };
  }
}

/**
 * What a person said. `speaker` is a person id; null means unattributed
 * (continuing the parent's speaker). Inline `aside` marks in its text are the
 * note-taker's comments, exported separately as `asides`.
 * HTML: `<div data-type="statement" data-speaker="id"><p>…</p>…</div>`.
 *
 * Attribution is typed as `@name` and resolved by the browser's
 * autocomplete (see detectAttributionTrigger), which then calls `setSpeaker`.
 * A `(…)` closed at the end of the text becomes an inline aside (see
 * convertTrailingAsideCommand), so the speaker is not credited with the
 * note-taker's words.
 */
export const Statement = Node.create({
  name: "statement",
  group: NOTES_BLOCK_GROUP,
  content: NOTES_CONTAINER_CONTENT,
  defining: true,

  addAttributes() {
    return { speaker: personIdAttribute("speaker", "data-speaker") };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="statement"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "statement" }, HTMLAttributes), 0];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          // After the `)` itself is typed (a separate undo step from the conversion, so Ctrl-Z brings
          // back the literal brackets), a trailing `(…)` becomes the note-taker's aside.
          handleTextInput(view, _from, _to, text) {
            if (text === ")")
              queueMicrotask(() => !view.isDestroyed && convertTrailingAsideCommand(view.state, view.dispatch));
            return false;
          },
        },
      }),
    ];
  },

  addCommands() {
    return {
      setSpeaker:
        (personId) =>
        ({ state, dispatch }) =>
          setSpeakerCommand(personId)(state, dispatch),
    };
  },
});
