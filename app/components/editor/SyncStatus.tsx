"use client";

import type { SyncState } from "./use-collab-document";

/**
 * The count is of Yjs transactions (roughly keystrokes), which means nothing to a note-taker
 * ("83 edits" after one sentence): the words say that something is unsaved, the title and
 * `data-pending` carry the number.
 */
function edits(n: number): string {
  return n > 0 ? "unsaved changes on this device" : "";
}

/** The words shown for a sync state; `pending` is this device's unconfirmed edits. */
export function syncStatusText(state: SyncState, pending: number): string {
  switch (state) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "offline":
      return pending > 0 ? `Offline: ${edits(pending)}` : "Offline: everything saved";
    case "reconnecting":
      return pending > 0 ? `Reconnecting: ${edits(pending)}` : "Reconnecting";
    case "local-only":
      return "Saved on this device only";
    case "connecting":
      return pending > 0 ? `Connecting: ${edits(pending)}` : "Connecting…";
  }
}

/**
 * Tells the note-taker whether their words are safe: "Saved" only once the
 * server confirmed they are in its database (see save-tracker.ts).
 */
export function SyncStatus({ state, pending, problem }: { state: SyncState; pending: number; problem: string | null }) {
  return (
    <span
      className="sync-status"
      data-state={state}
      data-pending={pending}
      role="status"
      aria-live="polite"
      title={pending > 0 ? `${pending} ${pending === 1 ? "edit" : "edits"} of this device not yet confirmed by the server` : "Every edit of this device is on the server"}
    >
      <span data-testid="sync-status">{syncStatusText(state, pending)}</span>
      {problem && state !== "saved" ? <span className="sync-problem" data-testid="sync-problem">{` · ${problem}`}</span> : null}
    </span>
  );
}
