"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/actions";
import { currentViewer } from "@/app/current-viewer";
import { formFailure } from "@/app/form-failure";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { storeAuthCookies } from "@/app/store-auth-cookies";
import { AppError } from "@/lib/errors/app-error";
import { createAccessToken, revokeAccessToken } from "@/server/auth/access-tokens";
import { setOpenSignup, signIn, signOut, signUp } from "@/server/auth/accounts";
import { updateAuthorProfile } from "@/server/auth/author-profile";
import { acceptInvite } from "@/server/auth/invites";

/** Email + password sign-in; on success, back to `next` (a same-site path). */
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { setCookies } = await signIn(
      { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") },
      await headers(),
    );
    await storeAuthCookies(setCookies);
  } catch (err) {
    return formFailure(err);
  }
  redirect(safeNextPath(form.get("next")));
}

/** Sign-up (first account, open sign-up, or with an invite token), then signed in. */
export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  let to: string;
  try {
    const inviteToken = String(form.get("invite") ?? "") || null;
    const result = await signUp(
      {
        name: String(form.get("name") ?? ""),
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        inviteToken,
      },
      await headers(),
    );
    await storeAuthCookies(result.setCookies);
    to = result.conferenceSlug ? `/conferences/${result.conferenceSlug}` : "/";
  } catch (err) {
    return formFailure(err);
  }
  redirect(to);
}

/** Ends this browser's session. */
export async function signOutAction(): Promise<void> {
  const { setCookies } = await signOut(await headers());
  await storeAuthCookies(setCookies);
  redirect("/login");
}

/** The signed-in person accepts an invite link. */
export async function acceptInviteAction(token: string, _prev: FormState, _form: FormData): Promise<FormState> {
  let slug: string;
  try {
    const viewer = await currentViewer();
    if (!viewer) throw new AppError("unauthorized", "Sign in first");
    slug = (await acceptInvite(token, viewer.id)).conferenceSlug;
  } catch (err) {
    return formFailure(err);
  }
  redirect(`/conferences/${slug}`);
}

/** Creates a personal access token; the secret comes back once in `fields.secret`. */
export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const viewer = await currentViewer();
    if (!viewer) throw new AppError("unauthorized", "Sign in first");
    const days = String(form.get("expiresInDays") ?? "");
    const token = await createAccessToken(viewer.id, {
      name: String(form.get("name") ?? ""),
      expiresInDays: days ? Number(days) : null,
    });
    revalidatePath("/account");
    return { error: null, fields: { secret: token.token } };
  } catch (err) {
    return formFailure(err);
  }
}

/** Revokes one of the viewer's tokens. */
export async function revokeTokenAction(tokenId: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    const viewer = await currentViewer();
    if (!viewer) throw new AppError("unauthorized", "Sign in first");
    await revokeAccessToken(viewer.id, tokenId);
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath("/account");
  return { error: null, fields: {} };
}

/** Admin: open or close self-service sign-up. */
export async function setOpenSignupAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await setOpenSignup(await currentViewer(), form.get("open") === "on");
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath("/account");
  return { error: null, fields: {} };
}

/** Saves the viewer's author profile (display name, bio, link, avatar URL). */
export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const viewer = await currentViewer();
    if (!viewer) throw new AppError("unauthorized", "Sign in first");
    const field = (name: string) => String(form.get(name) ?? "");
    await updateAuthorProfile(viewer.id, {
      name: field("name"),
      bio: field("bio"),
      link: field("link"),
      avatarUrl: field("avatarUrl"),
    });
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath("/account");
  return { error: null, fields: {} };
}
