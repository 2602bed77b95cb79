"use server";

import { redirect } from "next/navigation";
import { authorizeAction } from "@/app/authorize-action";
import { currentViewer } from "@/app/current-viewer";
import { formFailure } from "@/app/form-failure";
import { AppError } from "@/lib/errors/app-error";
import { createConference } from "@/server/data/conferences";
import { createSession } from "@/server/data/sessions";

/** State returned to forms: the error to show and the values to keep. */
export interface FormState {
  error: string | null;
  fields: Record<string, string>;
}

export async function createConferenceAction(_prev: FormState, form: FormData): Promise<FormState> {
  let slug: string;
  try {
    const viewer = await currentViewer();
    if (!viewer) throw new AppError("unauthorized", "Sign in to create a conference");
    const conference = await createConference(
      {
        name: String(form.get("name") ?? ""),
        location: String(form.get("location") ?? ""),
        startsOn: String(form.get("startsOn") ?? ""),
        hashtag: String(form.get("hashtag") ?? ""),
      },
      { ownerId: viewer.id },
    );
    slug = conference.slug;
  } catch (err) {
    return formFailure(err);
  }
  redirect(`/conferences/${slug}`);
}

export async function createSessionAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  let path: string;
  try {
    await authorizeAction(conferenceSlug, "editor");
    const session = await createSession(conferenceSlug, {
      title: String(form.get("title") ?? ""),
      kind: String(form.get("kind") ?? "talk") as "talk",
      room: String(form.get("room") ?? ""),
      startsAt: String(form.get("startsAt") ?? ""),
    });
    path = `/conferences/${session.conference.slug}/sessions/${session.slug}`;
  } catch (err) {
    return formFailure(err);
  }
  redirect(path);
}
