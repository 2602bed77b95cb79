import type { FormState } from "@/app/actions";
import { AppError } from "@/lib/errors/app-error";

/**
 * What a server action's form shows when the action fails: an AppError (a
 * refusal a person can act on) becomes the form's error and the fields it
 * names; anything else is a bug and is thrown on, to Next's error page.
 */
export function formFailure(err: unknown): FormState {
  if (err instanceof AppError) return { error: err.message, fields: err.fields };
  throw err;
}
