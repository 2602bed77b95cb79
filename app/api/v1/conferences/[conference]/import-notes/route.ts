import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { sessionJson } from "@/server/api/api-views";
import { importNotesToConference } from "@/server/data/import-notes";
import { getSession } from "@/server/data/sessions";
import { getRuntime } from "@/server/runtime";
import { apiRoute, MAX_NOTES_BYTES, readBodyText } from "../../../api-route";

export const dynamic = "force-dynamic";

/**
 * POST (text/plain body): the notes as a new session of the conference (editor).
 * Answers the session, the importer's warnings and its guesses (least sure first).
 */
export const POST = apiRoute<{ conference: string }>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const runtime = getRuntime();
  if (!runtime) throw new AppError("not_found", "The collaboration server is not running");
  const text = await readBodyText(req, MAX_NOTES_BYTES);
  const result = await importNotesToConference({ conferenceSlug: params.conference, text }, runtime.notesStorage);
  const session = await getSession(result.conference.slug, result.session.slug);
  return NextResponse.json(
    { session: sessionJson(session), warnings: result.warnings, guesses: result.guesses },
    { status: 201 },
  );
});
