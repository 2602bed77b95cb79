import { InputRule, mergeAttributes, Node } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { blockPeople } from "./commands/block-people";
import { findNotesBlock } from "./commands/find-notes-block";
import { NOTES_BLOCK_GROUP } from "./notes-block-names";

/**
 * `(` typed at the start of a block makes it an aside, as the shortcut sheet
 * says: `( ` (the space is dropped) or `(` followed by the first character of
 * the aside (kept), so `(note to self` works at full typing speed.
 */
export const ASIDE_BLOCK_INPUT_REGEX = /^\((?:\s|([^\s()]))$/;

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
    return [
      new InputRule({
        find: ASIDE_BLOCK_INPUT_REGEX,
        handler: ({ state, range, match, commands }) => {
          const block = findNotesBlock(state.doc.resolve(range.from));
          // `(laughs` after a picked speaker is more likely the speaker's words in brackets than a new aside:
          // only the explicit `( ` turns an attributed block into an aside.
          const first = match[1];
          if (first && (!block || blockPeople(block.node).length > 0)) return null;
          commands.deleteRange(range);
          commands.setBlockType("asideBlock");
          if (first) state.tr.insertText(first);
        },
      }),
    ];
  },

  addProseMirrorPlugins() {
    const type = this.type;
    return [
      new Plugin({
        props: {
          // The parentheses of an aside are drawn, not stored: a closing `)` typed at the end of an aside
          // block (whose own brackets are balanced) would show twice, so it is swallowed.
          handleTextInput(view, from, to, text) {
            if (text !== ")" || from !== to) return false;
            const $from = view.state.doc.resolve(from);
            if ($from.node($from.depth - 1)?.type !== type || $from.parentOffset !== $from.parent.content.size)
              return false;
            const own = $from.parent.textContent;
            return (own.match(/\(/g)?.length ?? 0) <= (own.match(/\)/g)?.length ?? 0);
          },
        },
      }),
    ];
  },
});
