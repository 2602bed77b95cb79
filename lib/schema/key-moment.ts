import { Extension } from "@tiptap/core";
import { toggleStarredCommand } from "./commands/toggle-starred-command";
import { NOTES_BLOCK_NAMES } from "./notes-block-names";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    keyMoment: {
      /** Star the block(s) around the selection as key moments, or unstar them if all are starred. */
      toggleStarred: () => ReturnType;
    };
  }
}

/**
 * Key moments: any outline block can be starred (`starred: true`, null when not; stored as
 * an attribute of the block's element in the Yjs document, so co-editors see
 * it at once). Exported as `starred` in talknotes/1 and summarised above the
 * notes for readers. A block split off a starred one starts unstarred.
 * HTML: `data-starred="true"` on the block's `<div>`.
 */
export const KeyMoment = Extension.create({
  name: "keyMoment",

  addGlobalAttributes() {
    return [
      {
        types: [...NOTES_BLOCK_NAMES],
        attributes: {
          // null, not false, when unstarred: y-prosemirror stores no attribute for null, so unstarred
          // blocks (nearly all) cost nothing in the Yjs document.
          starred: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => (element.getAttribute("data-starred") === "true" ? true : null),
            renderHTML: (attributes) => (attributes.starred === true ? { "data-starred": "true" } : {}),
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      toggleStarred:
        () =>
        ({ state, dispatch }) =>
          toggleStarredCommand()(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-s": () => this.editor.commands.toggleStarred() };
  },
});
