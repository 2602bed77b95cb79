import { mergeAttributes, Node } from "@tiptap/core";
import { blockTypeInputRule } from "./block-type-input-rule";
import { NOTES_BLOCK_GROUP, NOTES_CONTAINER_CONTENT } from "./notes-block-names";

/** `! ` typed at the start of a block makes it a tip. */
export const TIP_INPUT_REGEX = /^!\s$/;

/**
 * A practical tip or takeaway, with optional nested blocks.
 * HTML: `<div data-type="tip"><p>…</p>…</div>`.
 */
export const Tip = Node.create({
  name: "tip",
  group: NOTES_BLOCK_GROUP,
  content: NOTES_CONTAINER_CONTENT,
  defining: true,

  parseHTML() {
    return [{ tag: 'div[data-type="tip"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "tip" }, HTMLAttributes), 0];
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-t": () => this.editor.commands.setBlockType("tip") };
  },

  addInputRules() {
    return [blockTypeInputRule(TIP_INPUT_REGEX, "tip")];
  },
});
