"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/actions";

const INITIAL: FormState = { error: null, fields: {} };

/**
 * One "publish" button bound to a server action that returns a publish
 * report (`fields.report`, a line per session: created, updated, skipped or
 * failed), shown under the button; a run that failed as a whole shows the
 * destination's message as an alert.
 */
export function PublishRunForm({
  action,
  label,
  testId,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  label: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const lines = state.fields.report ? state.fields.report.split("\n") : [];
  return (
    <form action={formAction} className="publish-run" data-testid={testId}>
      <button className="btn secondary small" type="submit" disabled={pending}>
        {pending ? "Publishing…" : label}
      </button>
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div role="status" aria-live="polite">
        {lines.length ? (
          <ul className="publish-report" data-testid="publish-report">
            {lines.map((line, i) => (
              <li key={i} className={line.startsWith("failed") ? "form-error" : undefined}>
                {line}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
