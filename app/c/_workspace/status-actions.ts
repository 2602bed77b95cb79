"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/app/authorize-action";
import { setConferenceStatus, setSessionStatus } from "@/server/data/publish-sessions";

/** The session editor's status control: draft, live, published or archived. */
export async function setSessionStatusAction(conferenceSlug: string, sessionSlug: string, form: FormData): Promise<void> {
  await authorizeAction(conferenceSlug, "editor");
  await setSessionStatus(conferenceSlug, sessionSlug, String(form.get("status") ?? "") as "draft");
  revalidatePath(`/conferences/${conferenceSlug}/sessions/${sessionSlug}`);
}

/** "Publish all" (drafts and live sessions become published) on the conference workspace page. */
export async function publishConferenceAction(conferenceSlug: string): Promise<void> {
  await authorizeAction(conferenceSlug, "owner");
  await setConferenceStatus(conferenceSlug, "published", ["draft", "live"]);
  revalidatePath(`/conferences/${conferenceSlug}`);
}

/** "Archive all": every public session becomes read-only for good; drafts stay private drafts. */
export async function archiveConferenceAction(conferenceSlug: string): Promise<void> {
  await authorizeAction(conferenceSlug, "owner");
  await setConferenceStatus(conferenceSlug, "archived", ["live", "published"]);
  revalidatePath(`/conferences/${conferenceSlug}`);
}
