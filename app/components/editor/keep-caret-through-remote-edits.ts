import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
  beforeTransactionSelection: {
    type: string;
    anchor: Y.RelativePosition | null;
    head: Y.RelativePosition | null;
  } | null;
}

/**
 * Keeps the note-taker's caret where Yjs says it is when a co-editor's edit
 * arrives: after the co-editor's words in the same line, not at the old
 * offset.
 *
 * y-tiptap renders a remote change by replacing the document and then
 * restoring the selection from Yjs relative positions; it second-guesses
 * that answer ("misresolved after a structural change") whenever the text of
 * the caret's line changed, and then, if the block has any non-default
 * attribute, puts the caret back at its old offset in the block with the
 * same attributes. Every block carrying a time (`at`), a star or an
 * attribution has one, so a co-editor typing earlier in the same line left
 * the caret behind: the next keystroke, or an input method's whole
 * composition after its held updates were applied, landed inside the
 * co-editor's words. The Yjs answer is only wrong when the caret's line was
 * deleted (a block moved by delete and insert); while its text still
 * exists, this plugin puts the caret back where Yjs resolves it.
 */
export const KeepCaretThroughRemoteEdits = Extension.create({
  name: "keepCaretThroughRemoteEdits",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("keepCaretThroughRemoteEdits"),
        appendTransaction: (transactions, _oldState, newState) => {
          const remote = transactions.find((tr) => {
            const meta = tr.getMeta(ySyncPluginKey) as
              { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
            return tr.docChanged && meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
          });
          if (!remote || !(newState.selection instanceof TextSelection)) return null;
          const binding = (ySyncPluginKey.getState(newState) as { binding?: SyncBinding } | undefined)?.binding;
          const before = binding?.beforeTransactionSelection;
          if (!binding || !before || before.type !== "text" || !before.anchor || !before.head) return null;
          const anchor = resolveLive(binding, before.anchor);
          const head = resolveLive(binding, before.head);
          if (
            anchor === null ||
            head === null ||
            anchor > newState.doc.content.size ||
            head > newState.doc.content.size
          )
            return null;
          if (anchor === newState.selection.anchor && head === newState.selection.head) return null;
          const selection = TextSelection.between(newState.doc.resolve(anchor), newState.doc.resolve(head));
          return newState.tr.setSelection(selection).setMeta("addToHistory", false);
        },
      }),
    ];
  },
});

/** Where Yjs puts a relative position, or null when its text or any block around it was deleted. */
function resolveLive(binding: SyncBinding, position: Y.RelativePosition): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!absolute) return null;
  for (let item = absolute.type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return null;
  }
  return relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping as never);
}
