/**
 * The part of the window the note-taker can actually see, in viewport
 * coordinates: the visual viewport (a phone's on-screen keyboard shrinks it,
 * the layout viewport does not), minus the capture bar pinned above the
 * keyboard. Popups and caret scrolling keep inside it.
 */
export function visibleViewport(): { x: number; y: number; width: number; height: number } {
  const vv = window.visualViewport;
  const x = vv?.offsetLeft ?? 0;
  const y = vv?.offsetTop ?? 0;
  const width = vv?.width ?? window.innerWidth;
  let bottom = y + (vv?.height ?? window.innerHeight);
  const bar = document.querySelector<HTMLElement>("[data-capture-bar]");
  // Fixed-position, so offsetParent says nothing: a hidden bar (wide screens) has an empty box.
  const barTop = bar?.getBoundingClientRect();
  if (barTop && barTop.height > 0) bottom = Math.min(bottom, barTop.top);
  return { x, y, width, height: Math.max(0, bottom - y) };
}
