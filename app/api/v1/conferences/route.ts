import { NextResponse } from "next/server";
import { apiCreateConference, apiListConferences } from "@/server/api/api-views";
import { apiRoute, readJson } from "../api-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/conferences: the conferences the token's owner has a role in. */
export const GET = apiRoute(async ({ viewer }) => ({ conferences: await apiListConferences(viewer) }));

/** POST /api/v1/conferences: a new conference owned by the token's owner. */
export const POST = apiRoute(async ({ req, viewer }) =>
  NextResponse.json({ conference: await apiCreateConference(viewer, await readJson(req)) }, { status: 201 }),
);
