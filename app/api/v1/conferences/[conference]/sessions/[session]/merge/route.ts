import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { mergeSessionNotes } from "@/server/data/merge-session-notes";
import { apiRoute, MAX_NOTES_BYTES, readBodyText } from "../../../../../api-route";

export const dynamic = "force-dynamic";

type P = { conference: string; session: string };

/**
 * POST (editor) {"from": {"session": slug} | {"text": notes, "fileName"?}, "resolutions"?: {conflictId: "left"|"right"|"both"},
 * "apply"?: false, "afterwards"?: "keep"|"archive"|"delete" (delete: owner), "noteTaker"?}: merges another session's notes
 * or a notes file (plain text, Markdown, talknotes/1 JSON) into the session. Without "apply": the preview
 * (report: people, blocks with sources, duplicates, conflicts; the merged document). With it: written into the live
 * notes as one edit, recorded as a named revision crediting the note-takers and the token's account.
 */
export const POST = apiRoute<P>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const text = await readBodyText(req, MAX_NOTES_BYTES + 64 * 1024);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text || "{}") as Record<string, unknown>;
  } catch {
    throw new AppError("invalid_input", "The body must be a JSON object");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid_input", "The body must be a JSON object");
  if (body.afterwards === "delete") await requireConferenceRole(viewer, params.conference, "owner");
  return mergeSessionNotes({
    conferenceSlug: params.conference,
    sessionSlug: params.session,
    from: body.from as { session: string },
    resolutions: body.resolutions as Record<string, "both">,
    apply: body.apply === true,
    afterwards: body.afterwards as "keep",
    noteTaker: typeof body.noteTaker === "string" ? body.noteTaker : undefined,
    // Never a name the request claims: the account the token belongs to.
    author: viewer.name ?? undefined,
  });
});
