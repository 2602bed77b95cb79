/** The window event the session editor listens for to take the keyboard back (see NotesEditor). */
export const RETURN_FOCUS_EVENT = "talknotes:return-focus";

/**
 * Gives the keyboard back to the session's notes, caret where it was, when a
 * menu, dialog or panel outside the editor closes: without it focus falls to
 * `<body>` and the next words typed are lost. A no-op on pages without an
 * editor (or a read-only one): then it returns false and the caller puts focus
 * back where the ARIA pattern says (e.g. the menu's button).
 */
export function returnFocusToEditor(): boolean {
  const event = new Event(RETURN_FOCUS_EVENT, { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}
