"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { instantToWallTime } from "@/lib/format/instant-to-wall-time";
import { wallTimeToInstant } from "@/lib/format/wall-time-to-instant";
import { findNotesBlock } from "@/lib/schema/commands/find-notes-block";
import { formatClockTime } from "@/lib/time/format-clock-time";
import { serverClock } from "./server-clock";

export interface BlockTimeContext {
  /** The conference's zone: the time is typed and shown on its clock. */
  timeZone: string;
  /** The session's day (`YYYY-MM-DD`), for a block that has no time yet; null: today. */
  sessionDay: string | null;
}

/**
 * Set by hand when the block at the caret was said (the note-taker caught up
 * later, or a co-editor's laptop had no network): a time of day on the
 * conference's clock, on the day the block already has, else the session's.
 */
export function BlockTimeForm({
  editor,
  context,
  onClose,
}: {
  editor: Editor;
  context: BlockTimeContext;
  onClose: () => void;
}) {
  const block = findNotesBlock(editor.state.selection.$from);
  const current = typeof block?.node.attrs.at === "string" ? (block.node.attrs.at as string) : null;
  const [value, setValue] = useState(() =>
    formatClockTime(current ?? new Date(serverClock.now()), context.timeZone, { seconds: true }),
  );
  const day = current
    ? instantToWallTime(new Date(current), context.timeZone).slice(0, 10)
    : (context.sessionDay ?? instantToWallTime(new Date(serverClock.now()), context.timeZone).slice(0, 10));
  const done = (at: string | null) => {
    editor.chain().focus().setBlockTime(at).run();
    onClose();
  };
  return (
    <form
      className="block-time-form"
      data-testid="block-time-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{2}:\d{2}(:\d{2})?$/.test(value)) return;
        done(wallTimeToInstant(`${day}T${value.length === 5 ? `${value}:00` : value}`, context.timeZone));
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
          editor.commands.focus();
        }
      }}
    >
      <label>
        Said at
        <input type="time" step="1" value={value} onChange={(e) => setValue(e.target.value)} autoFocus required />
      </label>
      <button type="submit" className="btn">
        Set time
      </button>
      {current ? (
        <button type="button" className="btn secondary" onClick={() => done(null)}>
          Clear
        </button>
      ) : null}
      <button
        type="button"
        className="btn secondary"
        onClick={() => {
          onClose();
          editor.commands.focus();
        }}
      >
        Cancel
      </button>
    </form>
  );
}
