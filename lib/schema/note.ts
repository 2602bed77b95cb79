import { mergeAttributes, Node } from "@tiptap/core";
import { NOTES_BLOCK_GROUP, NOTES_CONTAINER_CONTENT } from "./notes-block-names";

/**
 * A plain bullet with optional nested bullets; the default block (listed
 * first among the blocks so ProseMirror fills empty documents with it).
 * HTML: `<div data-type="note"><p>…</p>…</div>`.
 */
export const Note = Node.create({
  name: "note",
  group: NOTES_BLOCK_GROUP,
  content: NOTES_CONTAINER_CONTENT,
  defining: true,

  parseHTML() {
    return [{ tag: 'div[data-type="note"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "note" }, HTMLAttributes), 0];
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-n": () => this.editor.commands.setBlockType("note") };
  },
});
