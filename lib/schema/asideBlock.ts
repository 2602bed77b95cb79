import { mergeAttributes, Node } from "@tiptap/core";
import { blockTypeInputRule } from "./blockTypeInputRule";
import { NOTES_BLOCK_GROUP } from "./notesBlockNames";

/** `( ` typed at the start of a block makes it an aside. */
export const ASIDE_BLOCK_INPUT_REGEX = /^\(\s$/;

/**
 * The note-taker's own comment standing alone: one paragraph, no nested
 * blocks (commands lift any children out when a block becomes an aside).
 * Exported as `{ type: "aside" }`, rendered in parentheses.
 * HTML: `<div data-type="asideBlock"><p>…</p></div>` (data-type is always the node name).
 */
export const AsideBlock = Node.create({
  name: "asideBlock",
  group: NOTES_BLOCK_GROUP,
  content: "paragraph",
  defining: true,

  parseHTML() {
    return [{ tag: 'div[data-type="asideBlock"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "asideBlock" }, HTMLAttributes), 0];
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-a": () => this.editor.commands.setBlockType("asideBlock") };
  },

  addInputRules() {
    return [blockTypeInputRule(ASIDE_BLOCK_INPUT_REGEX, "asideBlock")];
  },
});
