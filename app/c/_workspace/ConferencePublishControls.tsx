"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { submitKeepingValues } from "@/app/components/submit-keeping-values";
import { archiveConferenceAction, publishConferenceAction, type PublishState } from "./status-actions";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the publish dialog counts: drafts and live sessions that "Publish…" would make published. */
export interface PublishCounts {
  withNotes: number;
  withoutNotes: number;
}

/**
 * "Publish…" and "Archive all" on the conference workspace (rendered for
 * owners only; the actions check again). Publishing asks first, with counts,
 * and by default publishes only sessions someone wrote notes in: a schedule
 * import brings dozens of empty drafts that should not go public.
 */
export function ConferencePublishControls({
  conferenceSlug,
  counts,
}: {
  conferenceSlug: string;
  counts: PublishCounts;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [includeEmpty, setIncludeEmpty] = useState(false);
  const [state, formAction, pending] = useActionState<PublishState, FormData>(
    publishConferenceAction.bind(null, conferenceSlug),
    { error: null, published: null },
  );
  const toPublish = counts.withNotes + (includeEmpty ? counts.withoutNotes : 0);

  useEffect(() => {
    if (state.published !== null) dialog.current?.close();
  }, [state]);

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="btn"
        onClick={() => dialog.current?.showModal()}
        data-testid="publish-open"
      >
        Publish…
      </button>
      <form action={archiveConferenceAction.bind(null, conferenceSlug)}>
        <button
          className="btn secondary"
          type="submit"
          title="Live and published sessions become read-only; drafts stay drafts"
        >
          Archive all
        </button>
      </form>
      {state.published !== null ? (
        <p className="ws-flash" role="status" data-testid="publish-result">
          {state.published === 0 ? "Nothing was published." : `Published ${plural(state.published, "session")}.`}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        className="card ws-dialog"
        aria-labelledby="publish-title"
        data-testid="publish-dialog"
        onClose={() => opener.current?.focus()}
      >
        <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="stack">
          <h2 id="publish-title">Publish sessions</h2>
          {counts.withNotes + counts.withoutNotes === 0 ? (
            <p>Every session is already public or archived: there is nothing to publish.</p>
          ) : (
            <>
              <ul className="ws-counts" data-testid="publish-counts">
                <li>
                  <strong>{plural(counts.withNotes, "session")}</strong> with notes will be published.
                </li>
                {counts.withoutNotes > 0 ? (
                  <li>
                    <strong>{counts.withoutNotes}</strong> {counts.withoutNotes === 1 ? "has" : "have"} no notes and{" "}
                    {includeEmpty
                      ? "will be published too"
                      : counts.withoutNotes === 1
                        ? "stays a draft"
                        : "stay drafts"}
                    .
                  </li>
                ) : null}
              </ul>
              {counts.withoutNotes > 0 ? (
                <label className="check">
                  <input
                    type="checkbox"
                    name="includeEmpty"
                    checked={includeEmpty}
                    onChange={(e) => setIncludeEmpty(e.target.checked)}
                  />
                  Also publish the {plural(counts.withoutNotes, "session")} without notes
                </label>
              ) : null}
              <p className="muted small">
                Published sessions appear on the public agenda, in the Atom feed and in site exports, and stay editable.
              </p>
            </>
          )}
          {state.error ? (
            <p className="form-error" role="alert">
              {state.error}
            </p>
          ) : null}
          <div className="ws-dialog-actions">
            <button type="button" className="btn secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn" disabled={pending || toPublish === 0} data-testid="publish-confirm">
              {pending
                ? "Publishing…"
                : toPublish === 0
                  ? "Nothing to publish"
                  : `Publish ${plural(toPublish, "session")}`}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
