import { startTransition, type FormEvent } from "react";

/**
 * Submits through the action without React's automatic form reset, so that
 * what someone typed (the email after a wrong password, a too-long title)
 * is still there to correct when the action answers with an error. Before
 * the script loads, the form posts through its `action` as usual.
 */
export function submitKeepingValues(formAction: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}
