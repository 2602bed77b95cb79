"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { SyncSnapshot, SyncState, SyncStore } from "@/app/collab/collab-connection";

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
  return pending > 0
    ? `${pending} ${pending === 1 ? "edit" : "edits"} of this device not yet confirmed by the server`
    : "Every edit of this device is on the server";
}

/**
 * What a screen reader is told about saving: only whether the words reach
 * the server, so "Saving…"/"Saved" flips and the count of unconfirmed edits
 * (which change with every keystroke) are never announced. Empty while
 * connecting: opening the editor announces nothing.
 */
export function syncAnnouncement(state: SyncState): string {
  switch (state) {
    case "saved":
    case "saving":
      return "Connected: edits are saved on the server";
    case "offline":
      return "Offline: edits are kept on this device";
    case "reconnecting":
      return "Reconnecting: edits are kept on this device";
    case "local-only":
      return "Saved on this device only";
    case "connecting":
      return "";
  }
}

/** How long "Saving…" stays after the server confirmed the last edit, in case the next key follows. */
const SAVED_SETTLE_MS = 400;

/** The state React renders: "saving" as "saved" unless a problem is shown (see SyncStatus). */
function renderedState(snapshot: SyncSnapshot): SyncState {
  return snapshot.state === "saving" && !snapshot.problem ? "saved" : snapshot.state;
}

/** Whether the words say that something is unsaved, in the states whose words React renders. */
function unsavedShown(snapshot: SyncSnapshot): boolean {
  return renderedState(snapshot) !== "saved" && snapshot.pending > 0;
}

/** Photos of this device not yet on the server (PhotoQueue). */
export interface PhotoCount {
  count(): number;
  subscribe(listener: () => void): () => void;
}

const noPhotos = () => 0;
const noSubscription = () => () => {};

/**
 * Tells the note-taker whether their words are safe: "Saved" only once the
 * server confirmed they are in its database (see save-tracker.ts). The
 * visible status changes as they type; the polite live region beside it
 * changes only when the connection does (syncAnnouncement), and stays silent
 * while the editor opens.
 *
 * React renders it only when the words change; the exact count (`data-pending`
 * and the title) changes with every edit and is written straight to the
 * element, so typing commits nothing to React (see SyncStore).
 */
export function SyncStatus({ sync, photos }: { sync: SyncStore; photos?: PhotoCount }) {
  // React follows the status with "saving" seen as "saved": while connected, every keystroke goes from
  // "Saved" to "Saving…" and back when the server confirms it, and each React commit walks the focused
  // editor's DOM (its selection offsets), a cost that grows with the notes. Those words and
  // `data-state` are written straight to the element below; React renders the rest.
  const readRendered = () => renderedState(sync.getSnapshot());
  const readProblem = () => sync.getSnapshot().problem;
  const readUnsaved = () => unsavedShown(sync.getSnapshot());
  const rendered = useSyncExternalStore(sync.subscribe, readRendered, readRendered);
  const problem = useSyncExternalStore(sync.subscribe, readProblem, readProblem);
  useSyncExternalStore(sync.subscribe, readUnsaved, readUnsaved);
  // The exact state and count as this render happens (the effect below keeps them current).
  const state = rendered === "saved" ? sync.getSnapshot().state : rendered;
  const waitingPhotos = useSyncExternalStore(photos?.subscribe ?? noSubscription, photos?.count ?? noPhotos, noPhotos);
  const pending = sync.pending();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const show = (element: HTMLElement, state: SyncState) => {
      if (element.dataset.state !== state) element.dataset.state = state;
      // The text node React made (React later writes into the same node).
      const words = element.querySelector('[data-testid="sync-status"]')?.firstChild;
      const text = syncStatusText(state, sync.pending());
      if (words instanceof Text && words.nodeValue !== text) words.nodeValue = text;
    };
    const update = () => {
      const element = ref.current;
      if (!element) return;
      const current = sync.getSnapshot().state;
      if (renderedState(sync.getSnapshot()) === "saved") {
        // "Saving…" stays up through a burst of typing and turns to "Saved" once the server has
        // confirmed everything and no edit followed for SAVED_SETTLE_MS: flipping the words twice a
        // key was noise to read, and two renders of the page a key.
        if (current === "saved" && element.dataset.state === "saving") {
          settle ??= setTimeout(() => {
            settle = undefined;
            if (ref.current && sync.getSnapshot().state === "saved") show(ref.current, "saved");
          }, SAVED_SETTLE_MS);
        } else {
          clearTimeout(settle);
          settle = undefined;
          show(element, current);
        }
      }
      const now = String(sync.pending());
      if (element.dataset.pending === now) return;
      element.dataset.pending = now;
      element.title = pendingTitle(Number(now));
    };
    update();
    const unsubscribe = sync.subscribe(update);
    return () => {
      clearTimeout(settle);
      unsubscribe();
    };
  }, [sync]);
  // Derived while rendering (React's "adjusting state when a prop changes"). Opening the editor passes
  // through "connecting" and often "reconnecting" (connected, history not yet caught up): that is not
  // news, so nothing is said until the first settled state, and after that only when the words change.
  const settled = state !== "connecting" && state !== "reconnecting";
  const [seen, setSeen] = useState(() => ({ words: settled ? syncAnnouncement(state) : "", spoken: "", settled }));
  const words = syncAnnouncement(state);
  if (words && words !== seen.words && (seen.settled || settled))
    setSeen({ words, spoken: seen.settled ? words : "", settled: true });
  const spoken = seen.spoken;
  return (
    <span
      ref={ref}
      className="sync-status"
      data-state={state}
      data-pending={pending}
      data-photos={waitingPhotos}
      title={pendingTitle(pending)}
    >
      <span data-testid="sync-status">{syncStatusText(state, pending)}</span>
      {waitingPhotos > 0 ? (
        <span data-testid="sync-photos">{` · ${waitingPhotos} ${waitingPhotos === 1 ? "photo" : "photos"} not yet uploaded`}</span>
      ) : null}
      {problem && state !== "saved" ? (
        <span className="sync-problem" data-testid="sync-problem">{` · ${problem}`}</span>
      ) : null}
      <span className="sr-only" role="status" aria-live="polite" data-testid="sync-announcement">
        {spoken}
      </span>
    </span>
  );
}
