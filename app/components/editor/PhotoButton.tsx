"use client";

import { useRef } from "react";
import type { PhotoQueue } from "./photo-queue";

/**
 * "Photo": opens the phone's camera (`capture="environment"`, the back
 * camera; desktops show a file picker) and adds what is taken at the caret.
 * A button, not a bare file input, so it sits in the toolbars' keyboard
 * order; pressing it keeps the editor's selection.
 */
export function PhotoButton({
  queue,
  className,
  compact = false,
}: {
  queue: PhotoQueue | null;
  className?: string;
  compact?: boolean;
}) {
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
        {compact ? (
          <svg
            aria-hidden="true"
            width="22"
            height="22"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {/* A camera, drawn rather than an emoji: phones without a colour-emoji font showed an empty box. */}
            <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
            <circle cx="12" cy="13" r="3.5" />
          </svg>
        ) : (
          <>
            <span className="tb-icon" aria-hidden="true">
              ▣
            </span>
            Photo
          </>
        )}
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
