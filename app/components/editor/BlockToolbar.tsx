"use client";

import type { Editor } from "@tiptap/core";

/**
 * Buttons for what the keyboard does, for phones (no Tab key) and mouse users.
 * `onMouseDown` keeps the editor's selection while a button is pressed.
 */
export function BlockToolbar({ editor, onShortcuts }: { editor: Editor | null; onShortcuts: () => void }) {
  const run = (fn: (e: Editor) => void) => (ev: React.MouseEvent) => {
    ev.preventDefault();
    if (editor) fn(editor);
  };
  return (
    <div className="block-toolbar" role="toolbar" aria-label="Notes structure">
      <button type="button" onMouseDown={run((e) => e.chain().focus().setBlockType("question").run())} title="Question (Ctrl-Alt-Q)">
        <span className="tb-icon tb-q">Q</span>Question
      </button>
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().insertContent("@").run())}
        title="Attribute: who said it (@name)"
      >
        <span className="tb-icon">@</span>Who
      </button>
      <button type="button" onMouseDown={run((e) => e.chain().focus().setBlockType("asideBlock").run())} title="Aside (Ctrl-Alt-A)">
        <span className="tb-icon tb-aside">( )</span>Aside
      </button>
      <button type="button" onMouseDown={run((e) => e.chain().focus().setBlockType("tip").run())} title="Tip (Ctrl-Alt-T)">
        <span className="tb-icon tb-tip">!</span>Tip
      </button>
      <button type="button" onMouseDown={run((e) => e.chain().focus().insertNextTalk().run())} title="Next Ignite talk (Ctrl-Alt-I)">
        <span className="tb-icon">#</span>Talk
      </button>
      <span className="tb-sep" aria-hidden="true" />
      <button type="button" onMouseDown={run((e) => e.chain().focus().liftNotesBlock().run())} title="Outdent (Shift-Tab)" aria-label="Outdent">
        ⇤
      </button>
      <button type="button" onMouseDown={run((e) => e.chain().focus().sinkNotesBlock().run())} title="Indent (Tab)" aria-label="Indent">
        ⇥
      </button>
      <button type="button" className="tb-help" onClick={onShortcuts} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </div>
  );
}
