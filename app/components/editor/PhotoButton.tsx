"use client";

import { useRef } from "react";
import type { PhotoQueue } from "./photo-queue";

/**
 * "Photo": opens the phone's camera (`capture="environment"`, the back
 * camera; desktops show a file picker) and adds what is taken at the caret.
 * A button, not a bare file input, so it sits in the toolbars' keyboard
 * order; pressing it keeps the editor's selection.
 */
export function PhotoButton({ queue, className, compact = false }: { queue: PhotoQueue | null; className?: string; compact?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => input.current?.click()}
        disabled={!queue}
        title="Add a photo (camera on phones)"
        aria-label={compact ? "Photo" : undefined}
        data-testid="photo-button"
      >
        {compact ? <span aria-hidden="true">📷</span> : <><span className="tb-icon" aria-hidden="true">▣</span>Photo</>}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = "";
          if (files.length) void queue?.add(files);
        }}
      />
    </>
  );
}
