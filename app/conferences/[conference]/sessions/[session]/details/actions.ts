"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/actions";
import { authorizeAction } from "@/app/authorize-action";
import { formFailure } from "@/app/form-failure";
import { formText as text } from "@/app/form-text";
import { AppError } from "@/lib/errors/app-error";
import { deleteSession } from "@/server/data/delete-session";
import { updateSessionDetails } from "@/server/data/update-session-details";

/** Saves a session's title, room, times and recording (editors). */
export async function updateSessionAction(
  conferenceSlug: string,
  sessionSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "editor");
    await updateSessionDetails(conferenceSlug, sessionSlug, {
      title: text(form, "title"),
      room: text(form, "room"),
      startsAt: text(form, "startsAt"),
      endsAt: text(form, "endsAt"),
      recordingUrl: text(form, "recordingUrl"),
      syncNoteTime: text(form, "syncNoteTime"),
      syncVideoPosition: text(form, "syncVideoPosition"),
      syncReset: form.get("syncReset") === "on",
    });
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}`);
  redirect(`/conferences/${conferenceSlug}/sessions/${sessionSlug}`);
}

/** Deletes a session and its notes (owners only: it cannot be undone); the form has a box to tick first. */
export async function deleteSessionAction(
  conferenceSlug: string,
  sessionSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    if (form.get("confirm") !== "on")
      throw new AppError("invalid_input", "Tick the box to confirm that the notes go too");
    await deleteSession(conferenceSlug, sessionSlug);
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}`);
  redirect(`/conferences/${conferenceSlug}`);
}
