"use client";

import { useEffect } from "react";

/** Every key of the editor, grouped by what a note-taker does. */
export const SHORTCUTS: Array<{ group: string; keys: Array<[string, string]> }> = [
  {
    group: "Structure",
    keys: [
      ["Enter", "Next bullet (inside a question: the next answer; on an empty answer: leave the thread)"],
      ["Tab / Shift-Tab", "Nest under the previous bullet / move out"],
      ["Ctrl-Alt-Q", "Make this bullet a question"],
      ["Q: or ? at the start", "Start a question"],
      ["Ctrl-Alt-N", "Plain bullet"],
      ["Ctrl-Alt-T or ! at the start", "Tip"],
      ["Ctrl-Alt-I or Ctrl-Shift-Enter", "Next talk of an Ignite series"],
    ],
  },
  {
    group: "Who said it",
    keys: [
      ["@ then 2 letters", "Attribute to a person (typos are fine: @eisay; full names too: @Jody Mulkey)"],
      ["↑ ↓ then Enter or Tab", "Pick a suggestion"],
      ["Esc", "Close the suggestions"],
      ["Backspace at the start", "Remove the attribution"],
    ],
  },
  {
    group: "Your own thoughts",
    keys: [
      ["Ctrl-Alt-A or ( at the start", "Aside bullet: (note to self"],
      ["(text) at the end of a quote", "Becomes your inline aside (Ctrl-Z keeps the brackets as text)"],
      ["Ctrl-Shift-9 or ((text))", "Inline aside anywhere in a quote"],
      ["Ctrl-Alt-S", "Star this bullet as a key moment (again: unstar); readers see key moments first"],
    ],
  },
  {
    group: "Help",
    keys: [
      ["Ctrl-Z", "Undo your last line or change (never a co-editor's)"],
      ["?", "This sheet (outside the text)"],
      ["Ctrl-/", "This sheet (anywhere)"],
    ],
  },
];

/** The keyboard shortcut sheet, opened with `?` or Ctrl-/. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog card shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcut-sheet"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        {SHORTCUTS.map((section) => (
          <section key={section.group}>
            <h3>{section.group}</h3>
            <dl>
              {section.keys.map(([key, what]) => (
                <div key={key} className="shortcut-row">
                  <dt>
                    <kbd>{key}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <button className="btn secondary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
