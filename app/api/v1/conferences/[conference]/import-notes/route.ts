import { NextResponse } from "next/server";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { sessionJson } from "@/server/api/api-views";
import { importNotesToConference } from "@/server/data/import-notes";
import { getSession } from "@/server/data/sessions";
import { apiRoute, MAX_NOTES_BYTES, readBodyText } from "../../../api-route";

export const dynamic = "force-dynamic";

/**
 * POST (text/plain body): the notes as a new session of the conference (editor).
 * Answers the session, the importer's warnings and its guesses (least sure first).
 */
export const POST = apiRoute<{ conference: string }>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const text = await readBodyText(req, MAX_NOTES_BYTES);
  const result = await importNotesToConference({ conferenceSlug: params.conference, text });
  const session = await getSession(result.conference.slug, result.session.slug);
  return NextResponse.json(
    { session: sessionJson(session), warnings: result.warnings, guesses: result.guesses },
    { status: 201 },
  );
});
