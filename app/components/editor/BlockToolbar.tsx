"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { type BlockTimeContext, BlockTimeForm } from "./BlockTimeForm";
import { PhotoButton } from "./PhotoButton";
import type { PhotoQueue } from "./photo-queue";
import { moveFocusAmong } from "../move-focus-among";

/** Arrow keys, Home and End move between the toolbar's buttons (the ARIA toolbar pattern). */
function moveFocus(ev: React.KeyboardEvent<HTMLDivElement>) {
  moveFocusAmong(ev, "button", "horizontal");
}

/**
 * Buttons for what the keyboard does, for phones (no Tab key), mouse and
 * keyboard-only users. Pressing a button with the mouse keeps the editor's
 * selection (`onMouseDown` is cancelled); the command runs on click, so Enter
 * and Space on a focused button work too. The glyphs are hidden from
 * assistive tech: each button's name is its word, its shortcut in
 * `aria-keyshortcuts`.
 */
export function BlockToolbar({
  editor,
  photos,
  onShortcuts,
  blockTime,
}: {
  editor: Editor | null;
  photos: PhotoQueue | null;
  onShortcuts: () => void;
  blockTime: BlockTimeContext;
}) {
  const [settingTime, setSettingTime] = useState(false);
  const keep = (ev: React.MouseEvent) => ev.preventDefault();
  const run = (fn: (e: Editor) => void) => () => {
    if (editor) fn(editor);
  };
  return (
    <>
      <div className="block-toolbar" role="toolbar" aria-label="Notes structure" onKeyDown={moveFocus}>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().setBlockType("question").run())}
          title="Question (Ctrl-Alt-Q)"
          aria-keyshortcuts="Control+Alt+Q"
        >
          <span className="tb-icon tb-q" aria-hidden="true">
            Q
          </span>
          Question
        </button>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().insertContent("@").run())}
          title="Attribute: who said it (@name)"
        >
          <span className="tb-icon" aria-hidden="true">
            @
          </span>
          Who
        </button>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().setBlockType("asideBlock").run())}
          title="Aside (Ctrl-Alt-A)"
          aria-keyshortcuts="Control+Alt+A"
        >
          <span className="tb-icon tb-aside" aria-hidden="true">
            ( )
          </span>
          Aside
        </button>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().setBlockType("tip").run())}
          title="Tip (Ctrl-Alt-T)"
          aria-keyshortcuts="Control+Alt+T"
        >
          <span className="tb-icon tb-tip" aria-hidden="true">
            !
          </span>
          Tip
        </button>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().insertNextTalk().run())}
          title="Next Ignite talk (Ctrl-Alt-I)"
          aria-keyshortcuts="Control+Alt+I"
        >
          <span className="tb-icon" aria-hidden="true">
            #
          </span>
          Talk
        </button>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().toggleStarred().run())}
          title="Key moment: star this bullet (Ctrl-Alt-S)"
          aria-keyshortcuts="Control+Alt+S"
          data-testid="star-block"
        >
          <span className="tb-icon tb-star" aria-hidden="true">
            ★
          </span>
          Key moment
        </button>
        <PhotoButton queue={photos} />
        <span className="tb-sep" aria-hidden="true" />
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().liftNotesBlock().run())}
          title="Outdent (Shift-Tab)"
          aria-label="Outdent"
          aria-keyshortcuts="Shift+Tab"
        >
          <span aria-hidden="true">⇤</span>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          onClick={run((e) => e.chain().focus().sinkNotesBlock().run())}
          title="Indent (Tab)"
          aria-label="Indent"
          aria-keyshortcuts="Tab"
        >
          <span aria-hidden="true">⇥</span>
        </button>
        <span className="tb-sep" aria-hidden="true" />
        <button
          type="button"
          onMouseDown={keep}
          onClick={() => setSettingTime((open) => !open)}
          title="When this was said (the time in the margin)"
          aria-expanded={settingTime}
        >
          <span className="tb-icon" aria-hidden="true">
            ◷
          </span>
          Time
        </button>
        <button
          type="button"
          className="tb-help"
          onClick={onShortcuts}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
        >
          ?
        </button>
      </div>
      {settingTime && editor ? (
        <BlockTimeForm editor={editor} context={blockTime} onClose={() => setSettingTime(false)} />
      ) : null}
    </>
  );
}
