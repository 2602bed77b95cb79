"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/actions";
import { authorizeAction } from "@/app/authorize-action";
import { formFailure } from "@/app/form-failure";
import { formText as text } from "@/app/form-text";
import { updateConferenceDetails } from "@/server/data/update-conference-details";

/** Saves the conference details form (owners only, checked here). */
export async function updateConferenceAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await updateConferenceDetails(conferenceSlug, {
      name: text(form, "name"),
      location: text(form, "location"),
      startsOn: text(form, "startsOn"),
      endsOn: text(form, "endsOn"),
      timezone: text(form, "timezone"),
      hashtag: text(form, "hashtag"),
      titleTemplate: text(form, "titleTemplate"),
    });
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}`);
  redirect(`/conferences/${conferenceSlug}`);
}
