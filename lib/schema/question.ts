import { mergeAttributes, Node } from "@tiptap/core";
import { blockTypeInputRule } from "./block-type-input-rule";
import { setAskedByCommand } from "./commands/set-asked-by-command";
import { NOTES_BLOCK_GROUP, NOTES_CONTAINER_CONTENT } from "./notes-block-names";
import { personIdAttribute } from "./person-id-attribute";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    question: {
      /** Make the block(s) around the selection questions asked by `personId` (null: unknown asker). */
      setAskedBy: (personId: string | null) => ReturnType;
    };
  }
}

/** `Q: ` or `? ` typed at the start of a block makes it a question. */
export const QUESTION_INPUT_REGEX = /^(?:[Qq]:|\?)\s$/;

/**
 * A question thread: the paragraph is the question, nested blocks are the
 * answers (usually statements). `askedBy` is a person id or null.
 * HTML: `<div data-type="question" data-asked-by="id"><p>…</p>…</div>`.
 */
export const Question = Node.create({
  name: "question",
  group: NOTES_BLOCK_GROUP,
  content: NOTES_CONTAINER_CONTENT,
  defining: true,

  addAttributes() {
    return { askedBy: personIdAttribute("askedBy", "data-asked-by") };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="question"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "question" }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setAskedBy:
        (personId) =>
        ({ state, dispatch }) =>
          setAskedByCommand(personId)(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-q": () => this.editor.commands.setBlockType("question") };
  },

  addInputRules() {
    return [blockTypeInputRule(QUESTION_INPUT_REGEX, "question")];
  },
});
