"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import type { SyncState, SyncStore } from "./use-collab-document";

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

/** The tooltip giving the exact count of unconfirmed edits. */
function pendingTitle(pending: number): string {
  return pending > 0 ? `${pending} ${pending === 1 ? "edit" : "edits"} of this device not yet confirmed by the server` : "Every edit of this device is on the server";
}

/**
 * Tells the note-taker whether their words are safe: "Saved" only once the
 * server confirmed they are in its database (see save-tracker.ts).
 *
 * React renders it only when the words change; the exact count (`data-pending`
 * and the title) changes with every edit and is written straight to the
 * element, so typing commits nothing to React (see SyncStore).
 */
export function SyncStatus({ sync }: { sync: SyncStore }) {
  const { state, problem } = useSyncExternalStore(sync.subscribe, sync.getSnapshot, sync.getSnapshot);
  const pending = sync.pending();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const update = () => {
      const element = ref.current;
      const now = String(sync.pending());
      if (!element || element.dataset.pending === now) return;
      element.dataset.pending = now;
      element.title = pendingTitle(Number(now));
    };
    update();
    return sync.subscribe(update);
  }, [sync]);
  return (
    <span
      ref={ref}
      className="sync-status"
      data-state={state}
      data-pending={pending}
      role="status"
      aria-live="polite"
      title={pendingTitle(pending)}
    >
      <span data-testid="sync-status">{syncStatusText(state, pending)}</span>
      {problem && state !== "saved" ? <span className="sync-problem" data-testid="sync-problem">{` · ${problem}`}</span> : null}
    </span>
  );
}
