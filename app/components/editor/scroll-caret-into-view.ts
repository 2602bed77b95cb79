import type { EditorView } from "@tiptap/pm/view";

/** Pixels per side of the window, as ProseMirror's scrollThreshold / scrollMargin. */
export interface Sides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const scheduled = new WeakSet<EditorView>();

/**
 * ProseMirror's scroll-into-view for an editor that scrolls with the window,
 * run once per frame instead of inside every keystroke's transaction. Reading
 * the caret's box there forced a layout of the whole notes in the key handler
 * (~5 ms at 3,000 bullets), laid out again for the frame once the chips,
 * carets and menus had changed; in an animation frame it is the frame's own
 * layout, and several keys in one frame scroll once. Same rule as
 * ProseMirror's (scrollRectIntoView on the visual viewport): when the caret
 * is closer than `threshold` to an edge, scroll so it is `margin` from it.
 *
 * Use as `handleScrollToSelection: (view) => scrollCaretIntoView(view, ...)`.
 */
export function scrollCaretIntoView(view: EditorView, threshold: Sides, margin: Sides): boolean {
  if (scheduled.has(view)) return true;
  scheduled.add(view);
  requestAnimationFrame(() => {
    scheduled.delete(view);
    if (view.isDestroyed) return;
    // Like ProseMirror: only a selection inside the editor scrolls the page.
    const focus = document.getSelection()?.focusNode ?? null;
    if (!focus || !view.dom.contains(focus)) return;
    const rect = view.coordsAtPos(view.state.selection.head, 1);
    const vp = window.visualViewport;
    const width = vp?.width ?? window.innerWidth;
    const height = vp?.height ?? window.innerHeight;
    let moveY = 0;
    let moveX = 0;
    if (rect.top < threshold.top) moveY = rect.top - margin.top;
    else if (rect.bottom > height - threshold.bottom) {
      moveY = rect.bottom - rect.top > height ? rect.top - margin.top : rect.bottom - height + margin.bottom;
    }
    if (rect.left < threshold.left) moveX = rect.left - margin.left;
    else if (rect.right > width - threshold.right) moveX = rect.right - width + margin.right;
    if (moveX || moveY) window.scrollBy(moveX, moveY);
  });
  return true;
}
