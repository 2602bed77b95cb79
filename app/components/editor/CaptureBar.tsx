"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import { PhotoButton } from "./PhotoButton";
import type { PhotoQueue } from "./photo-queue";

/**
 * The phone's capture bar: the structure keys a touch keyboard lacks, pinned
 * just above the on-screen keyboard (the visual viewport), each a 44 px
 * target: question, attribute, aside, key moment, photo (the camera), outdent,
 * indent. Shown on small screens only (CSS); wide screens have the block
 * toolbar and the keyboard. Pressing a button never takes focus from the notes
 * (mousedown is prevented), so the keyboard stays open.
 */
export function CaptureBar({ editor, photos }: { editor: Editor | null; photos: PhotoQueue | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const vv = window.visualViewport;
    const bar = ref.current;
    if (!vv || !bar) return;
    // The keyboard covers the bottom of the layout viewport; lift the bar by exactly that much.
    const place = () => {
      const covered = Math.max(0, window.innerHeight - (vv.offsetTop + vv.height));
      bar.style.setProperty("--keyboard-inset", `${Math.round(covered)}px`);
    };
    place();
    vv.addEventListener("resize", place);
    vv.addEventListener("scroll", place);
    return () => {
      vv.removeEventListener("resize", place);
      vv.removeEventListener("scroll", place);
    };
  }, []);
  const run = (fn: (e: Editor) => void) => (ev: React.MouseEvent) => {
    ev.preventDefault();
    if (editor) fn(editor);
  };
  return (
    <div
      ref={ref}
      className="capture-bar"
      role="toolbar"
      aria-label="Capture"
      data-capture-bar=""
      data-testid="capture-bar"
    >
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().setBlockType("question").run())}
        aria-label="Question"
        title="Question"
      >
        Q
      </button>
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().insertContent("@").run())}
        aria-label="Who said it"
        title="Who said it (@name)"
      >
        @
      </button>
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().setBlockType("asideBlock").run())}
        aria-label="Aside"
        title="Your own aside"
      >
        ( )
      </button>
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().toggleStarred().run())}
        aria-label="Key moment"
        title="Star as a key moment"
      >
        ★
      </button>
      <PhotoButton queue={photos} compact />
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().liftNotesBlock().run())}
        aria-label="Outdent"
        title="Outdent"
      >
        ⇤
      </button>
      <button
        type="button"
        onMouseDown={run((e) => e.chain().focus().sinkNotesBlock().run())}
        aria-label="Indent"
        title="Indent"
      >
        ⇥
      </button>
    </div>
  );
}
