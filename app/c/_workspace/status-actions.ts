"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/app/authorize-action";
import { AppError } from "@/lib/errors/app-error";
import { setConferenceStatus, setSessionStatus } from "@/server/data/publish-sessions";

/** The session editor's status control: draft, live, published or archived. */
export async function setSessionStatusAction(
  conferenceSlug: string,
  sessionSlug: string,
  form: FormData,
): Promise<void> {
  await authorizeAction(conferenceSlug, "editor");
  await setSessionStatus(conferenceSlug, sessionSlug, String(form.get("status") ?? "") as "draft");
  revalidatePath(`/conferences/${conferenceSlug}/sessions/${sessionSlug}`);
}

/** What the publish dialog shows after it ran: how many sessions became public, or why not. */
export interface PublishState {
  error: string | null;
  published: number | null;
}

/**
 * "Publish…" on the conference workspace page (owners only, checked here:
 * a server action is a public endpoint): drafts and live sessions with notes
 * become published; with `includeEmpty` checked, those without notes too.
 */
export async function publishConferenceAction(
  conferenceSlug: string,
  _prev: PublishState,
  form: FormData,
): Promise<PublishState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    const onlyWithNotes = form.get("includeEmpty") !== "on";
    const changed = await setConferenceStatus(conferenceSlug, "published", ["draft", "live"], { onlyWithNotes });
    revalidatePath(`/conferences/${conferenceSlug}`);
    return { error: null, published: changed.length };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message, published: null };
    throw err;
  }
}

/** "Archive all": every public session becomes read-only for good; drafts stay private drafts. */
export async function archiveConferenceAction(conferenceSlug: string): Promise<void> {
  await authorizeAction(conferenceSlug, "owner");
  await setConferenceStatus(conferenceSlug, "archived", ["live", "published"]);
  revalidatePath(`/conferences/${conferenceSlug}`);
}
