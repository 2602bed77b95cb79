import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { undoBoundaryOf } from "@/lib/schema/undo-boundary-of";

/**
 * Cuts the collaborative undo history (Yjs UndoManager, created by the
 * Collaboration extension) into steps a note-taker expects: a step ends at
 * Enter, at an attribution pick and at any block change, instead of at the
 * first half-second pause (a whole question and its answers typed at speed
 * used to go in one Ctrl-Z). `UndoManager.stopCapturing()` makes the next
 * local change start a new step; it runs before the change reaches Yjs, since
 * plugin filters run before the sync plugin's view writes the transaction.
 * The manager tracks only this editor's own origin, so a co-editor's text is
 * never undone here.
 */
export const UndoBoundaries = Extension.create({
  name: "undoBoundaries",

  addProseMirrorPlugins() {
    let endPending = false;
    return [
      new Plugin({
        key: new PluginKey("undoBoundaries"),
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || isChangeOrigin(tr)) return true;
          const undoManager = yUndoPluginKey.getState(state)?.undoManager as { stopCapturing(): void } | undefined;
          if (!undoManager) return true;
          const boundary = undoBoundaryOf(tr);
          // A stamp appended to a keystroke (block times) is written to Yjs with it: it must neither cut
          // the step nor clear a cut the keystroke asked for.
          if (boundary === "inherit") return true;
          if (endPending || boundary === "before" || boundary === "both") undoManager.stopCapturing();
          endPending = boundary === "after" || boundary === "both";
          return true;
        },
      }),
    ];
  },
});
