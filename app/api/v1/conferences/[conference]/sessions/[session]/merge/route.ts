import { mergeNotesRequest } from "@/app/api/merge-notes-request";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { apiRoute } from "../../../../../api-route";

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
  return mergeNotesRequest(req, viewer, params.conference, params.session);
});
