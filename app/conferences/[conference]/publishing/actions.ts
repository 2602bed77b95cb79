"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/actions";
import { authorizeAction } from "@/app/authorize-action";
import { formFailure } from "@/app/form-failure";
import { formText as text } from "@/app/form-text";
import { createDestination, deleteDestination, setDestinationAutoPublish } from "@/server/data/publish-destinations";
import type { DestinationInput } from "@/server/publish/destination-settings";
import { formatPublishReport } from "@/server/publish/publish-report";
import { publishToDestination } from "@/server/publish/publish-to-destination";

const checked = (form: FormData, name: string) => form.get(name) === "on";

/**
 * What every owner's change on the Publishing page does: checks that the
 * viewer owns the conference (a server action is a public endpoint), makes
 * the change, and answers with the form's error or re-renders the page.
 */
async function ownerChange(conferenceSlug: string, change: () => Promise<unknown>): Promise<FormState> {
  try {
    await authorizeAction(conferenceSlug, "owner");
    await change();
  } catch (err) {
    return formFailure(err);
  }
  revalidatePath(`/conferences/${conferenceSlug}/publishing`);
  return { error: null, fields: {} };
}

/** A destination's kind with that kind's settings. */
type KindSettings = {
  [K in DestinationInput["kind"]]: Pick<Extract<DestinationInput, { kind: K }>, "kind" | "settings">;
}[DestinationInput["kind"]];

/**
 * Adds a destination from one of the "Add …" forms: the kind's own settings,
 * and the fields every form has (the secret is sealed and never shown again).
 */
function addDestination(conferenceSlug: string, form: FormData, destination: KindSettings): Promise<FormState> {
  return ownerChange(conferenceSlug, () =>
    createDestination(conferenceSlug, {
      ...destination,
      name: text(form, "name"),
      secret: text(form, "secret"),
      autoPublish: checked(form, "autoPublish"),
    }),
  );
}

/** Owner: add a WordPress blog; the application password is sealed and never shown again. */
export async function createWordPressDestinationAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  return addDestination(conferenceSlug, form, {
    kind: "wordpress",
    settings: {
      url: text(form, "url"),
      username: text(form, "username"),
      status: text(form, "status") === "publish" ? "publish" : "draft",
    },
  });
}

/** Owner: add a Ghost blog; the Admin API key is sealed and never shown again. */
export async function createGhostDestinationAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  return addDestination(conferenceSlug, form, {
    kind: "ghost",
    settings: { url: text(form, "url"), status: text(form, "status") === "published" ? "published" : "draft" },
  });
}

/** Owner: add a Hugo or Jekyll site in a Git repository; the optional token is sealed and never shown again. */
export async function createGitDestinationAction(
  conferenceSlug: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  return addDestination(conferenceSlug, form, {
    kind: "git",
    settings: {
      remote: text(form, "remote"),
      branch: text(form, "branch"),
      path: text(form, "path"),
      flavour: text(form, "flavour") === "jekyll" ? "jekyll" : "hugo",
    },
  });
}

/** Owner: remove a destination (posts already published stay where they are). */
export async function deleteDestinationAction(
  conferenceSlug: string,
  destinationId: string,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  return ownerChange(conferenceSlug, () => deleteDestination(conferenceSlug, destinationId));
}

/** Owner: turn a destination's automatic publishing (when a session's status changes to published) on or off. */
export async function setDestinationAutoPublishAction(
  conferenceSlug: string,
  destinationId: string,
  on: boolean,
  _prev: FormState,
  _form: FormData,
): Promise<FormState> {
  return ownerChange(conferenceSlug, () => setDestinationAutoPublish(conferenceSlug, destinationId, on));
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
    return formFailure(err);
  }
}
