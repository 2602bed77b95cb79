import Collaboration from "@tiptap/extension-collaboration";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, type EditorState, type PluginSpec, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import {
  getRelativeSelection,
  updateYFragment,
  ySyncPluginKey,
  yUndoPluginKey,
  type ProsemirrorBinding,
} from "@tiptap/y-tiptap";
import type * as Y from "yjs";

/**
 * Tiptap's Collaboration extension without the work y-tiptap repeats on every
 * transaction over the whole document (BENCHMARKS.md, "Editor typing cost:
 * y-tiptap's position walks"). Turning a caret position into a Yjs relative
 * position (`getRelativeSelection`) walks every top-level block before the
 * caret, so each such call grows with the notes; y-tiptap made six of them per
 * keystroke and four more per transaction that changed no text. Here:
 *
 * - the sync plugin writes to Yjs only when the document changed (its view
 *   update otherwise diffs the whole document against Yjs for nothing, and
 *   walks for the selection twice);
 * - a local edit no longer stores the selection "before the transaction":
 *   y-tiptap computes it when the Yjs transaction starts and again inside it,
 *   and clears it when the transaction ends, unread; it is only read when a
 *   remote change is rendered (to put the caret back), so it is still taken
 *   before every transaction that did not come from this editor, and inside a
 *   local edit nested in another Yjs transaction;
 * - the undo plugin remembers the selection before a transaction (what Ctrl-Z
 *   puts back) only for local transactions that change the document (an undo
 *   step only ever starts with one of those), and computes it only when the
 *   change may start a new undo step (Y.UndoManager joins changes less than
 *   500 ms apart), still before the change reaches Yjs.
 *
 * What reaches Yjs, the undo steps and the caret after a co-editor's change are
 * unchanged (tests/e2e/coedit-caret-publish.spec.ts, coedit-caret.spec.ts and the co-editing specs).
 */
export const LeanCollaboration = Collaboration.extend({
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) => {
      if (plugin.spec.key === ySyncPluginKey) return leanSyncPlugin(plugin);
      if (plugin.spec.key === yUndoPluginKey) return leanUndoPlugin(plugin);
      return plugin;
    });
  },
});

type ViewSpec = NonNullable<PluginSpec<unknown>["view"]>;

function leanSyncPlugin(plugin: Plugin): Plugin {
  const innerView = plugin.spec.view as ViewSpec;
  return new Plugin({
    ...plugin.spec,
    view: (view) => {
      const inner = innerView(view);
      const binding = (ySyncPluginKey.getState(view.state) as { binding: ProsemirrorBinding }).binding;
      skipLocalSelectionWalks(binding);
      return {
        update: (updated: EditorView, prevState: EditorState) => {
          if (updated.state.doc !== prevState.doc) inner.update?.(updated, prevState);
        },
        destroy: () => inner.destroy?.(),
      };
    },
  });
}

interface BindingInternals {
  doc: Y.Doc & { _transaction: { origin: unknown } | null };
  type: Y.XmlFragment;
  prosemirrorView: EditorView | null;
  beforeTransactionSelection: unknown;
  beforeAllTransactions: () => void;
  _prosemirrorChanged: (doc: ProseMirrorNode) => void;
}

/** Replaces the binding's two selection snapshots that a local edit computes and then discards. */
function skipLocalSelectionWalks(publicBinding: ProsemirrorBinding): void {
  const binding = publicBinding as unknown as BindingInternals;
  const doc = binding.doc;
  const snapshotBefore = binding.beforeAllTransactions;
  doc.off("beforeAllTransactions", snapshotBefore);
  // Yjs has already created the transaction (with its origin) when it emits beforeAllTransactions.
  binding.beforeAllTransactions = () => {
    if (doc._transaction?.origin !== ySyncPluginKey) snapshotBefore();
  };
  doc.on("beforeAllTransactions", binding.beforeAllTransactions);
  binding._prosemirrorChanged = (pmDoc) => {
    // The sync plugin calls this inside its own transaction; nested in someone else's, a remote change
    // in that one may still need the caret after this edit.
    const nested = doc._transaction !== null && doc._transaction.origin !== ySyncPluginKey;
    // The undo step's selection must be read before this edit changes the binding's mapping.
    const view = binding.prosemirrorView;
    const undo = view ? (yUndoPluginKey.getState(view.state) as UndoState | undefined) : undefined;
    if (undo && mayStartUndoStep(undo.undoManager)) void undo.prevSel;
    doc.transact(() => {
      updateYFragment(doc, binding.type, pmDoc, publicBinding);
      if (nested && binding.prosemirrorView)
        binding.beforeTransactionSelection = getRelativeSelection(publicBinding, binding.prosemirrorView.state);
    }, ySyncPluginKey);
  };
}

interface UndoState {
  undoManager: UndoManagerFields;
  prevSel: unknown;
  hasUndoOps: boolean;
  hasRedoOps: boolean;
}

interface UndoManagerFields {
  undoStack: unknown[];
  redoStack: unknown[];
  lastChange: number;
  captureTimeout: number;
}

/**
 * Whether the next local change may start a new undo step (Y.UndoManager adds one unless the last
 * change was under `captureTimeout` ago), with 100 ms to spare for the time until it decides.
 */
function mayStartUndoStep(undoManager: UndoManagerFields): boolean {
  return !(
    undoManager.lastChange > 0 &&
    Date.now() - undoManager.lastChange < undoManager.captureTimeout - 100 &&
    undoManager.undoStack.length > 0
  );
}

function leanUndoPlugin(plugin: Plugin): Plugin {
  const state = plugin.spec.state!;
  return new Plugin({
    ...plugin.spec,
    state: {
      ...state,
      apply: (tr: Transaction, value: UndoState, oldState: EditorState, newState: EditorState) => {
        const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
        const hasUndoOps = value.undoManager.undoStack.length > 0;
        const hasRedoOps = value.undoManager.redoStack.length > 0;
        if (tr.docChanged && !remote) {
          const binding = (ySyncPluginKey.getState(newState) as { binding?: ProsemirrorBinding } | undefined)?.binding;
          if (!binding) return state.apply(tr, value, oldState, newState) as UndoState;
          // Read when a step starts (see mayStartUndoStep): most keystrokes join the current step.
          let prevSel: unknown = undefined;
          let known = false;
          return {
            undoManager: value.undoManager,
            hasUndoOps,
            hasRedoOps,
            get prevSel() {
              if (!known) prevSel = getRelativeSelection(binding, oldState);
              known = true;
              return prevSel;
            },
          };
        }
        return hasUndoOps === value.hasUndoOps && hasRedoOps === value.hasRedoOps
          ? value
          : { ...value, hasUndoOps, hasRedoOps };
      },
    },
  });
}
