"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/actions";

const INITIAL: FormState = { error: null, fields: {} };

/** A form bound to a server action that shows the action's error inline. */
export function ActionForm({
  action,
  submitLabel,
  children,
  testId,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  return (
    <form action={formAction} className="stack" data-testid={testId}>
      {children}
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}
