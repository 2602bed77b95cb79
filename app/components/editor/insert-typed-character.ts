import { TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

/**
 * Inserts a typed character with a transaction instead of letting the browser
 * edit the DOM (`handleKeyPress`; ProseMirror prevents the browser's default
 * when it returns true). ProseMirror leaves a key typed into a collapsed
 * selection to the browser and reads the DOM back; Chromium's own insertion
 * lays out the whole notes twice per key (before inserting, to place the
 * text, and after, to reveal the caret), and the DOM change it makes marks the
 * line's attribution chip dirty, so ProseMirror draws the chip anew on every
 * key. A transaction changes one text node's value: the frame lays out once
 * and the chip stays (BENCHMARKS.md, "Editor typing").
 *
 * Only for a hardware keyboard typing one character: composition (IME, dead
 * keys) never reaches keypress, touch keyboards keep the browser's own
 * insertion (their autocorrect reads the text it inserted), and Enter goes to
 * the keymap. Input rules and the `@` menu see the text through
 * `handleTextInput`, as they would after the browser's insertion.
 */
export function insertTypedCharacter(view: EditorView, event: KeyboardEvent): boolean {
  if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
  // One character as the keyboard produced it (event.key, not charCode: astral characters are two units).
  const text = event.key;
  if ([...text].length !== 1 || /[\r\n]/.test(text)) return false;
  if (touchKeyboard()) return false;
  const selection = view.state.selection;
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return false;
  const { from, to } = selection;
  const insert = () => view.state.tr.insertText(text).scrollIntoView();
  if (!view.someProp("handleTextInput", (handle) => handle(view, from, to, text, insert))) view.dispatch(insert());
  return true;
}

let coarse: MediaQueryList | null = null;

/** Whether the main pointer is a finger, so keys most likely come from an on-screen keyboard. */
function touchKeyboard(): boolean {
  coarse ??= globalThis.matchMedia?.("(pointer: coarse)") ?? null;
  return coarse?.matches ?? false;
}
