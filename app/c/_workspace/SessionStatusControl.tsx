"use client";

import { useSyncExternalStore } from "react";
import { returnFocusToEditor } from "@/app/components/return-focus-to-editor";
import { publicPaths } from "@/lib/reader/public-paths";
import { PUBLIC_SESSION_STATUSES, SESSION_STATUSES } from "@/lib/reader/session-status";
import { setSessionStatusAction } from "./status-actions";

const HINTS: Record<string, string> = {
  draft: "Draft: only editors see it",
  live: "Live: the public follows along",
  published: "Published: public, still editable",
  archived: "Archived: public and read-only",
};

const noSubscription = () => () => undefined;

/**
 * The session's publishing status in the editor header and a link to its
 * public page once public. Choosing a status sets it (one step); before the
 * script loads it is a plain form with a Set status button.
 */
export function SessionStatusControl({
  conferenceSlug,
  sessionSlug,
  status,
}: {
  conferenceSlug: string;
  sessionSlug: string;
  status: string;
}) {
  const action = setSessionStatusAction.bind(null, conferenceSlug, sessionSlug);
  // False in the server's HTML (the button is there), true once hydrated (choosing submits).
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const isPublic = (PUBLIC_SESSION_STATUSES as readonly string[]).includes(status);
  return (
    // Keyed by status: React resets a form after its action, and a fresh mount shows the new status.
    <form key={status} action={action} className="status-control" data-testid="status-control">
      <label className="inline-label">
        <span className="sr-only">Status</span>
        <select
          name="status"
          defaultValue={status}
          aria-label="Status"
          title={HINTS[status]}
          onChange={(e) => {
            e.currentTarget.form?.requestSubmit();
            returnFocusToEditor();
          }}
        >
          {SESSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {HINTS[s]}
            </option>
          ))}
        </select>
      </label>
      {scripted ? null : (
        <button className="btn secondary small" type="submit">
          Set status
        </button>
      )}
      {isPublic ? (
        <a
          className="btn secondary small"
          href={publicPaths.session(conferenceSlug, sessionSlug)}
          target="_blank"
          rel="noopener"
        >
          View public page
        </a>
      ) : null}
    </form>
  );
}
