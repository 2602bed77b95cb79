import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** Class of the top-level block holding the caret (app/globals.css renders it always). */
export const CARET_BLOCK_CLASS = "has-caret";

export const renderCaretBlockKey = new PluginKey<DecorationSet>("renderCaretBlock");

/**
 * Marks the top-level block holding the caret, so it is rendered whatever its
 * place on the screen (globals.css skips off-screen blocks with
 * `content-visibility: auto`). Chromium renders a skipped block once a
 * selection is inside it, but only at its next frame: a block that Enter has
 * just created starts out skipped, and the keys typed into it before that
 * frame would be placed by a browser that has no layout for it. The class is
 * set in the same DOM update that creates the block, so it never is skipped.
 * One decoration, recomputed per transaction: nothing grows with the notes.
 */
export const RenderCaretBlock = Extension.create({
  name: "renderCaretBlock",

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: renderCaretBlockKey,
        state: {
          init: (_config, state) => caretBlockDecorations(state.doc, state.selection.head),
          apply: (tr, old, _oldState, newState) =>
            tr.docChanged || tr.selectionSet ? caretBlockDecorations(newState.doc, newState.selection.head) : old,
        },
        props: {
          decorations: (state) => renderCaretBlockKey.getState(state),
        },
      }),
    ];
  },
});

/** A node decoration with CARET_BLOCK_CLASS on the top-level block around `head` (none at the document's level). */
export function caretBlockDecorations(doc: ProseMirrorNode, head: number): DecorationSet {
  const $head = doc.resolve(Math.min(head, doc.content.size));
  if ($head.depth === 0) return DecorationSet.empty;
  const start = $head.before(1);
  return DecorationSet.create(doc, [
    Decoration.node(start, start + $head.node(1).nodeSize, { class: CARET_BLOCK_CLASS }),
  ]);
}
