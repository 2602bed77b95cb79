import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";
import type { Viewer } from "@/server/auth/viewer";
import { type MergedSessionNotes, mergeSessionNotes } from "@/server/data/merge-session-notes";
import { MAX_NOTES_BYTES, readBodyText } from "./v1/api-route";

/**
 * Reads a merge request's JSON body ({"from", "resolutions"?, "apply"?, "afterwards"?, "noteTaker"?}) and
 * runs it for an editor (the caller checked that); deleting the merged-in session takes an owner. Shared
 * by the JSON API (token) and the session page's route (cookie). The author is the viewer's account,
 * never a name the request claims.
 */
export async function mergeNotesRequest(
  req: Request,
  viewer: Viewer | null,
  conferenceSlug: string,
  sessionSlug: string,
): Promise<MergedSessionNotes> {
  let body: Record<string, unknown>;
  try {
    // A notes file up to the import limit, plus the request around it.
    body = JSON.parse((await readBodyText(req, MAX_NOTES_BYTES + 64 * 1024)) || "{}") as Record<string, unknown>;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("invalid_input", "The body must be a JSON object");
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new AppError("invalid_input", "The body must be a JSON object");
  if (body.afterwards === "delete") await requireConferenceRole(viewer, conferenceSlug, "owner");
  return mergeSessionNotes({
    conferenceSlug,
    sessionSlug,
    from: body.from as { session: string },
    resolutions: body.resolutions as Record<string, "both">,
    apply: body.apply === true,
    afterwards: body.afterwards as "keep",
    noteTaker: typeof body.noteTaker === "string" ? body.noteTaker : undefined,
    author: viewer?.name ?? undefined,
  });
}
