"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/actions";
import { submitKeepingValues } from "./submit-keeping-values";

const INITIAL: FormState = { error: null, fields: {} };

/**
 * A form bound to a server action that shows the action's error inline.
 * `compact`: one line with a quiet button, for actions on a row of a list.
 * `danger`: the button is red (deleting).
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  testId,
  compact = false,
  danger = false,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: React.ReactNode;
  testId?: string;
  compact?: boolean;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      className={compact ? "inline-form" : "stack"}
      data-testid={testId}
    >
      {children}
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button
        className={`${compact ? "btn secondary small" : "btn"}${danger ? " danger" : ""}`}
        type="submit"
        disabled={pending}
      >
        {pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}
