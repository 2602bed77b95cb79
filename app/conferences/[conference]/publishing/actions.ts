"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/actions";
import { authorizeAction } from "@/app/authorize-action";
import { AppError } from "@/lib/errors/app-error";
import { createDestination, deleteDestination, setDestinationAutoPublish } from "@/server/data/publish-destinations";
import { formatPublishReport } from "@/server/publish/publish-report";
import { publishToDestination } from "@/server/publish/publish-to-destination";

function failure(err: unknown): FormState {
  if (err instanceof AppError) return { error: err.message, fields: err.fields };
  throw err;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const checked = (form: FormData, name: string) => form.get(name) === "on";

/** Owner: add a WordPress blog; the application password is sealed and never shown again. */
export async function createWordPressDestinationAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await createDestination(conferenceSlug, {
      kind: "wordpress",
      name: text(form, "name"),
      settings: {
        url: text(form, "url"),
        username: text(form, "username"),
        status: text(form, "status") === "publish" ? "publish" : "draft",
      },
      secret: text(form, "secret"),
      autoPublish: checked(form, "autoPublish"),
    });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/publishing`);
  return { error: null, fields: {} };
}

/** Owner: add a Ghost blog; the Admin API key is sealed and never shown again. */
export async function createGhostDestinationAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await createDestination(conferenceSlug, {
      kind: "ghost",
      name: text(form, "name"),
      settings: { url: text(form, "url"), status: text(form, "status") === "published" ? "published" : "draft" },
      secret: text(form, "secret"),
      autoPublish: checked(form, "autoPublish"),
    });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/publishing`);
  return { error: null, fields: {} };
}

/** Owner: add a Hugo or Jekyll site in a Git repository; the optional token is sealed and never shown again. */
export async function createGitDestinationAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await createDestination(conferenceSlug, {
      kind: "git",
      name: text(form, "name"),
      settings: {
        remote: text(form, "remote"),
        branch: text(form, "branch"),
        path: text(form, "path"),
        flavour: text(form, "flavour") === "jekyll" ? "jekyll" : "hugo",
      },
      secret: text(form, "secret"),
      autoPublish: checked(form, "autoPublish"),
    });
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/publishing`);
  return { error: null, fields: {} };
}

/** Owner: remove a destination (posts already published stay where they are). */
export async function deleteDestinationAction(
  conferenceSlug: string,
  destinationId: string,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await deleteDestination(conferenceSlug, destinationId);
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/publishing`);
  return { error: null, fields: {} };
}

/** Owner: turn a destination's automatic publishing (when a session's status changes to published) on or off. */
export async function setDestinationAutoPublishAction(
  conferenceSlug: string,
  destinationId: string,
  on: boolean,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await setDestinationAutoPublish(conferenceSlug, destinationId, on);
  } catch (err) {
    return failure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/publishing`);
  return { error: null, fields: {} };
}

/**
 * Editor: publish one session (sessionSlug) or, owners only, every published
 * and archived session (sessionSlug null) to a destination. The report comes
 * back in `fields.report`, one line per session.
 */
export async function publishToDestinationAction(
  conferenceSlug: string,
  destinationId: string,
  sessionSlug: string | null,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, sessionSlug === null ? "owner" : "editor");
    const report = await publishToDestination({
      conferenceSlug,
      destination: destinationId,
      sessionSlug: sessionSlug ?? undefined,
    });
    revalidatePath(`/conferences/${conferenceSlug}/publishing`);
    return { error: null, fields: { report: formatPublishReport(report).join("\n") } };
  } catch (err) {
    return failure(err);
  }
}
