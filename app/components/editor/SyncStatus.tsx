"use client";

import type { SyncState } from "./use-collab-document";

const LABELS: Record<SyncState, string> = {
  saved: "Saved",
  connecting: "Connecting…",
  offline: "Offline: saved on this device",
};

/** Tells the note-taker whether their words have reached the server. */
export function SyncStatus({ state, problem }: { state: SyncState; problem: string | null }) {
  return (
    <span className="sync-status" data-state={state} role="status" aria-live="polite" data-testid="sync-status">
      {LABELS[state]}
      {problem && state !== "saved" ? ` · ${problem}` : null}
    </span>
  );
}
