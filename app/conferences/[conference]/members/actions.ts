"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/actions";
import { requestOrigin } from "@/app/c/request-origin";
import { currentViewer } from "@/app/current-viewer";
import { formFailure } from "@/app/form-failure";
import { createInvite, revokeInvite } from "@/server/auth/invites";
import { removeMember, setMemberRole } from "@/server/auth/members";

/** Owner: create an invite link; the link comes back once in `fields.secret`. */
export async function createInviteAction(conferenceSlug: string, _prev: FormState, form: FormData): Promise<FormState> {
  try {
    const invite = await createInvite(await currentViewer(), conferenceSlug, {
      role: String(form.get("role") ?? ""),
      expiresInHours: String(form.get("expiresInHours") ?? "") || undefined,
    });
    revalidatePath(`/conferences/${conferenceSlug}/members`);
    // The link's origin is the server's (PUBLIC_URL, or the request as server/site-origin.ts allows), not the form's.
    return { error: null, fields: { secret: `${await requestOrigin()}${invite.path}` } };
  } catch (err) {
    return formFailure(err);
  }
}

/** Owner: change a member's role. */
export async function setMemberRoleAction(
  conferenceSlug: string,
  userId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await setMemberRole(await currentViewer(), conferenceSlug, userId, String(form.get("role") ?? ""));
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/members`);
  return { error: null, fields: {} };
}

/** Owner: remove a member. */
export async function removeMemberAction(
  conferenceSlug: string,
  userId: string,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  try {
    await removeMember(await currentViewer(), conferenceSlug, userId);
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/members`);
  return { error: null, fields: {} };
}

/** Owner: withdraw an open invite. */
export async function revokeInviteAction(
  conferenceSlug: string,
  inviteId: string,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  try {
    await revokeInvite(await currentViewer(), conferenceSlug, inviteId);
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/members`);
  return { error: null, fields: {} };
}
