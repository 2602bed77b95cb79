import { InputRule, Mark, mergeAttributes } from "@tiptap/core";
import { ASIDE_MARK_NAME } from "./notes-block-names";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    aside: {
      /** Mark the selection (or what is typed next) as the note-taker's aside. */
      setAside: () => ReturnType;
      /** Remove the aside mark from the selection (or from what is typed next). */
      unsetAside: () => ReturnType;
      /** Toggle the aside mark. */
      toggleAside: () => ReturnType;
    };
  }
}

/** `((` typed anywhere starts an inline aside: the brackets vanish, the mark turns on. */
export const ASIDE_OPEN_INPUT_REGEX = /\(\($/;
/** `))` typed inside an inline aside ends it: the brackets vanish, the mark turns off. */
export const ASIDE_CLOSE_INPUT_REGEX = /\)\)$/;

/**
 * The note-taker's inline comment inside a statement or note, e.g.
 * "We deploy daily" + aside "they meant weekdays". Statements export the
 * marked runs as `asides`; other blocks keep them in their text, in
 * parentheses. The brackets are presentation, so they are not stored.
 * HTML: `<span data-type="aside">…</span>`.
 */
export const AsideMark = Mark.create({
  name: ASIDE_MARK_NAME,

  parseHTML() {
    return [{ tag: 'span[data-type="aside"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ "data-type": "aside" }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setAside:
        () =>
        ({ commands }) =>
          commands.setMark(this.name),
      unsetAside:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name),
      toggleAside:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },

  addKeyboardShortcuts() {
    return { "Mod-Shift-9": () => this.editor.commands.toggleAside() };
  },

  addInputRules() {
    const type = this.type;
    return [
      new InputRule({
        find: ASIDE_OPEN_INPUT_REGEX,
        handler: ({ state, range }) => {
          state.tr.delete(range.from, range.to).addStoredMark(type.create());
        },
      }),
      new InputRule({
        find: ASIDE_CLOSE_INPUT_REGEX,
        handler: ({ state, range }) => {
          const inAside = type.isInSet(state.storedMarks ?? state.selection.$from.marks());
          if (!inAside) return null;
          state.tr.delete(range.from, range.to).removeStoredMark(type);
        },
      }),
    ];
  },
});
