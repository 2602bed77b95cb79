"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/actions";
import { CopyButton } from "./CopyButton";
import { submitKeepingValues } from "./submit-keeping-values";

const INITIAL: FormState = { error: null, fields: {} };

/** A form whose action returns a secret (`fields.secret`: a token or an invite link) that is shown once. */
export function SecretActionForm({
  action,
  submitLabel,
  secretLabel,
  children,
  testId,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  secretLabel: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const secret = state.fields.secret;
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="stack" data-testid={testId}>
      {children}
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
      {secret ? (
        <div className="secret-field">
          <label htmlFor={`${testId ?? "secret"}-value`}>{secretLabel} (shown only now: copy it)</label>
          <div className="copy-row">
            <input
              id={`${testId ?? "secret"}-value`}
              readOnly
              value={secret}
              data-testid="secret"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={secret} label={`Copy ${secretLabel.toLowerCase()}`} />
          </div>
        </div>
      ) : null}
    </form>
  );
}
