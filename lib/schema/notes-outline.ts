import { Extension } from "@tiptap/core";
import { backspaceNotesBlockCommand } from "./commands/backspace-notes-block-command";
import { deleteForwardNotesBlockCommand } from "./commands/delete-forward-notes-block-command";
import { liftNotesBlockCommand } from "./commands/lift-notes-block-command";
import { setNotesBlockTypeCommand } from "./commands/set-notes-block-type-command";
import { sinkNotesBlockCommand } from "./commands/sink-notes-block-command";
import { splitNotesBlockCommand } from "./commands/split-notes-block-command";
import type { NotesBlockName } from "./notes-block-names";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    notesOutline: {
      /** Turn the block(s) around the selection into `type`, keeping text, children and attribution. */
      setBlockType: (type: NotesBlockName, attrs?: Record<string, unknown>) => ReturnType;
      /** Indent: the block(s) become the last children of the previous sibling. */
      sinkNotesBlock: () => ReturnType;
      /** Outdent: the block(s) follow their parent, taking later siblings as children. */
      liftNotesBlock: () => ReturnType;
      /** Enter: split or continue the block (see splitNotesBlockCommand). */
      splitNotesBlock: () => ReturnType;
      /** Backspace at the start of a block: clear attribution, then make it a note, then join. */
      backspaceNotesBlock: () => ReturnType;
      /** Delete at the end of a block's text: join the next line onto it. */
      deleteForwardNotesBlock: () => ReturnType;
    };
  }
}

/**
 * Outliner behaviour shared by every notes block: the structural commands
 * and the Enter / Tab / Shift-Tab / Backspace / Delete keys. The commands are thin
 * wrappers over pure ProseMirror commands in ./commands, which tests and the
 * server use directly.
 *
 * Priority 200 puts these keys ahead of Tiptap's core keymap (100), whose
 * Enter would otherwise split the paragraph inside the block. A browser
 * autocomplete popup that wants Enter/Tab first needs a higher priority.
 */
export const NotesOutline = Extension.create({
  name: "notesOutline",
  priority: 200,

  addCommands() {
    return {
      setBlockType:
        (type, attrs) =>
        ({ state, dispatch }) =>
          setNotesBlockTypeCommand(type, attrs)(state, dispatch),
      sinkNotesBlock:
        () =>
        ({ state, dispatch }) =>
          sinkNotesBlockCommand(state, dispatch),
      liftNotesBlock:
        () =>
        ({ state, dispatch }) =>
          liftNotesBlockCommand(state, dispatch),
      splitNotesBlock:
        () =>
        ({ state, dispatch }) =>
          splitNotesBlockCommand(state, dispatch),
      backspaceNotesBlock:
        () =>
        ({ state, dispatch }) =>
          backspaceNotesBlockCommand(state, dispatch),
      deleteForwardNotesBlock:
        () =>
        ({ state, dispatch }) =>
          deleteForwardNotesBlockCommand(state, dispatch),
    };
  },

  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitNotesBlock(),
      // Tab and Shift-Tab are always consumed: losing focus mid-talk because a
      // bullet could not be indented costs the note-taker more than it helps.
      // Escape still leaves the editor for keyboard users.
      Tab: () => {
        this.editor.commands.sinkNotesBlock();
        return true;
      },
      "Shift-Tab": () => {
        this.editor.commands.liftNotesBlock();
        return true;
      },
      Backspace: () => this.editor.commands.backspaceNotesBlock(),
      Delete: () => this.editor.commands.deleteForwardNotesBlock(),
    };
  },
});
