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
 * A toolbar button that runs an editor command. `icon`: the class of the
 * glyph shown before the word `label`; without it the button shows only its
 * glyph, and `label` is its accessible name.
 */
interface ToolbarCommand {
  label: string;
  glyph: string;
  icon?: string;
  title: string;
  shortcut?: string;
  testId?: string;
  run: (editor: Editor) => void;
}

/** What a block is (question, aside, tip, a next Ignite talk, a key moment) and who said it. */
const BLOCK_COMMANDS: ToolbarCommand[] = [
  {
    label: "Question",
    glyph: "Q",
    icon: "tb-icon tb-q",
    title: "Question (Ctrl-Alt-Q)",
    shortcut: "Control+Alt+Q",
    run: (e) => e.chain().focus().setBlockType("question").run(),
  },
  {
    label: "Who",
    glyph: "@",
    icon: "tb-icon",
    title: "Attribute: who said it (@name)",
    run: (e) => e.chain().focus().insertContent("@").run(),
  },
  {
    label: "Aside",
    glyph: "( )",
    icon: "tb-icon tb-aside",
    title: "Aside (Ctrl-Alt-A)",
    shortcut: "Control+Alt+A",
    run: (e) => e.chain().focus().setBlockType("asideBlock").run(),
  },
  {
    label: "Tip",
    glyph: "!",
    icon: "tb-icon tb-tip",
    title: "Tip (Ctrl-Alt-T)",
    shortcut: "Control+Alt+T",
    run: (e) => e.chain().focus().setBlockType("tip").run(),
  },
  {
    label: "Talk",
    glyph: "#",
    icon: "tb-icon",
    title: "Next Ignite talk (Ctrl-Alt-I)",
    shortcut: "Control+Alt+I",
    run: (e) => e.chain().focus().insertNextTalk().run(),
  },
  {
    label: "Key moment",
    glyph: "★",
    icon: "tb-icon tb-star",
    title: "Key moment: star this bullet (Ctrl-Alt-S)",
    shortcut: "Control+Alt+S",
    testId: "star-block",
    run: (e) => e.chain().focus().toggleStarred().run(),
  },
];

/** Where a block sits in the outline. */
const INDENT_COMMANDS: ToolbarCommand[] = [
  {
    label: "Outdent",
    glyph: "⇤",
    title: "Outdent (Shift-Tab)",
    shortcut: "Shift+Tab",
    run: (e) => e.chain().focus().liftNotesBlock().run(),
  },
  {
    label: "Indent",
    glyph: "⇥",
    title: "Indent (Tab)",
    shortcut: "Tab",
    run: (e) => e.chain().focus().sinkNotesBlock().run(),
  },
];

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
  const commandButton = (c: ToolbarCommand) => (
    <button
      key={c.label}
      type="button"
      onMouseDown={keep}
      onClick={() => {
        if (editor) c.run(editor);
      }}
      title={c.title}
      aria-label={c.icon === undefined ? c.label : undefined}
      aria-keyshortcuts={c.shortcut}
      data-testid={c.testId}
    >
      {c.icon === undefined ? (
        <span aria-hidden="true">{c.glyph}</span>
      ) : (
        <>
          <span className={c.icon} aria-hidden="true">
            {c.glyph}
          </span>
          {c.label}
        </>
      )}
    </button>
  );
  return (
    <>
      <div className="block-toolbar" role="toolbar" aria-label="Notes structure" onKeyDown={moveFocus}>
        {BLOCK_COMMANDS.map(commandButton)}
        <PhotoButton queue={photos} />
        <span className="tb-sep" aria-hidden="true" />
        {INDENT_COMMANDS.map(commandButton)}
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
