import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  setMeta,
  yCursorPluginKey,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";

/**
 * How long this editor's caret may go unpublished while the note-taker types:
 * co-editors see it follow the words at most this far behind.
 */
export const CARET_PUBLISH_MS = 120;

/**
 * Tiptap's CollaborationCaret, with this editor's own caret published to the
 * co-editors at most every CARET_PUBLISH_MS instead of on every keystroke.
 *
 * y-tiptap's caret plugin turned the caret into Yjs relative positions after
 * every transaction (a walk over every block before the caret, twice), sent
 * an awareness update per key (to the server and every co-editor, who redraw
 * their carets), and then redrew the co-editors' carets here too, because
 * its awareness listener does not tell this editor's own change from
 * theirs. Now: a typing run publishes its first caret at once and then at
 * most every CARET_PUBLISH_MS (always the latest position, and always once
 * after the last key); focus changes publish at once; only co-editors'
 * awareness changes redraw their carets. The drawing of co-editors' carets
 * (the plugin's state and decorations) is y-tiptap's.
 */
export const ThrottledCollaborationCaret = CollaborationCaret.extend({
  addProseMirrorPlugins() {
    const awareness = (this.options.provider as { awareness: Awareness }).awareness;
    return (this.parent?.() ?? []).map((plugin) =>
      plugin.spec.key === yCursorPluginKey
        ? new Plugin({ ...plugin.spec, view: (view) => publishCaret(view, awareness) })
        : plugin,
    );
  },
});

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The caret plugin's view: publishes this editor's caret, redraws co-editors' carets when theirs change. */
function publishCaret(view: EditorView, awareness: Awareness) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastPublished = 0;
  let force = false;

  const redrawCarets = ({ added, updated, removed }: AwarenessChange) => {
    const own = awareness.clientID;
    if ([...added, ...updated, ...removed].every((id) => id === own)) return;
    if (!view.isDestroyed) setMeta(view, yCursorPluginKey, { awarenessUpdated: true });
  };

  // As y-tiptap's caret plugin: the relative positions of the selection while focused, else no caret.
  const publish = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const forced = force;
    force = false;
    if (view.isDestroyed) return;
    lastPublished = performance.now();
    const ystate = ySyncPluginKey.getState(view.state) as
      { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: Map<Y.AbstractType<unknown>, unknown> } } | undefined;
    if (!ystate?.binding) return;
    const mapping = ystate.binding.mapping as never;
    const current = (awareness.getLocalState() ?? {}) as {
      cursor?: { anchor: unknown; head: unknown } | null;
    };
    if (view.hasFocus()) {
      const { anchor: from, head: to } = view.state.selection;
      const anchor = absolutePositionToRelativePosition(from, ystate.type, mapping) as Y.RelativePosition;
      const head = absolutePositionToRelativePosition(to, ystate.type, mapping) as Y.RelativePosition;
      if (
        forced ||
        current.cursor == null ||
        !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.cursor.anchor), anchor) ||
        !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.cursor.head), head)
      )
        awareness.setLocalStateField("cursor", { anchor, head });
    } else if (
      current.cursor != null &&
      relativePositionToAbsolutePosition(
        ystate.doc,
        ystate.type,
        Y.createRelativePositionFromJSON(current.cursor.anchor),
        mapping,
      ) !== null
    ) {
      awareness.setLocalStateField("cursor", null);
    }
  };

  const onFocusChange = () => publish();
  awareness.on("change", redrawCarets);
  view.dom.addEventListener("focusin", onFocusChange);
  view.dom.addEventListener("focusout", onFocusChange);
  return {
    update(updated: EditorView, prevState: EditorView["state"]) {
      const { doc, selection } = updated.state;
      if (doc === prevState.doc && selection.eq(prevState.selection)) return;
      // After a co-editor's change, y-tiptap re-sends the caret even when its relative position is the same.
      const ystate = ySyncPluginKey.getState(updated.state) as { isChangeOrigin?: boolean } | undefined;
      if (ystate?.isChangeOrigin && doc !== prevState.doc) force = true;
      if (timer !== null) return;
      const wait = lastPublished + CARET_PUBLISH_MS - performance.now();
      if (wait <= 0) publish();
      else timer = setTimeout(publish, wait);
    },
    destroy() {
      if (timer !== null) clearTimeout(timer);
      view.dom.removeEventListener("focusin", onFocusChange);
      view.dom.removeEventListener("focusout", onFocusChange);
      awareness.off("change", redrawCarets);
      awareness.setLocalStateField("cursor", null);
    },
  };
}
