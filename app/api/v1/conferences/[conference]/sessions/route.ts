import { NextResponse } from "next/server";
import type { SessionKind } from "@/lib/interchange/types";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { apiGetConference, sessionJson, str } from "@/server/api/api-views";
import { createSession, getSession } from "@/server/data/sessions";
import { apiRoute, readJson } from "../../../api-route";

export const dynamic = "force-dynamic";

type P = { conference: string };

/** GET: the conference's sessions (viewer). */
export const GET = apiRoute<P>(async ({ viewer, params }) => ({
  sessions: (await apiGetConference(viewer, params.conference)).sessions,
}));

/** POST: a new session (editor). */
export const POST = apiRoute<P>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const body = await readJson(req);
  const created = await createSession(params.conference, {
    title: str(body.title) ?? "",
    kind: (str(body.kind) ?? "talk") as SessionKind,
    room: str(body.room),
    startsAt: str(body.startsAt),
    intro: str(body.intro),
  });
  return NextResponse.json(
    { session: sessionJson(await getSession(params.conference, created.slug)) },
    { status: 201 },
  );
});
