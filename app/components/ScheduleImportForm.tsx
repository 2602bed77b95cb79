"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ScheduleImportState } from "@/app/schedule/import/actions";
import { submitKeepingValues } from "./submit-keeping-values";

const INITIAL: ScheduleImportState = { error: null, result: null };
/** Longer summaries start folded: a first import lists every session and person. */
const OPEN_UP_TO = 30;

/**
 * Upload a pretalx JSON / frab XML schedule or give its URL; shows the
 * refusal (which names the place in the file) or the summary of changes.
 */
export function ScheduleImportForm({
  action,
  submitLabel,
}: {
  action: (prev: ScheduleImportState, form: FormData) => Promise<ScheduleImportState>;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const result = state.result;
  const [totals, ...changes] = result?.summary ?? [];
  return (
    <div className="stack">
      <form
        action={formAction}
        onSubmit={submitKeepingValues(formAction)}
        className="stack"
        data-testid="schedule-import"
      >
        <label>
          Schedule file <span className="hint">pretalx schedule.json or frab schedule.xml, up to 20 MB</span>
          <input name="file" type="file" accept=".json,.xml,application/json,application/xml,text/xml" />
        </label>
        <label>
          or its URL
          <input
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://pretalx.example/democon/schedule/export/schedule.json"
          />
        </label>
        {state.error ? (
          <div role="alert" className="stack-tight">
            <p className="form-error" style={{ whiteSpace: "pre-line" }}>
              {state.error}
            </p>
            {state.detail ? (
              <details className="small muted">
                <summary>What the reader found</summary>
                <p style={{ whiteSpace: "pre-line" }}>{state.detail}</p>
              </details>
            ) : null}
          </div>
        ) : null}
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Importing…" : submitLabel}
        </button>
      </form>
      {result ? (
        <section className="card" aria-labelledby="import-result" role="status">
          <h2 id="import-result">
            {result.created ? "Created" : "Updated"}{" "}
            <Link href={`/conferences/${result.conferenceSlug}`}>{result.conferenceName}</Link>
          </h2>
          <div className="meta">
            <span>{result.counts.sessions} sessions</span>
            <span>{result.counts.people} people</span>
            <span>{result.counts.rooms} rooms</span>
            <span>{result.counts.days} days</span>
          </div>
          <p>{totals}</p>
          {changes.length > 0 ? (
            <details open={changes.length <= OPEN_UP_TO}>
              <summary>{changes.length} changes</summary>
              <ul>
                {changes.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
