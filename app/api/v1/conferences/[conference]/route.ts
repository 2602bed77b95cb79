import { requireConferenceRole } from "@/server/auth/conference-access";
import { apiGetConference, str } from "@/server/api/api-views";
import { updateConferenceDetails } from "@/server/data/update-conference-details";
import { apiRoute, readJson } from "../../api-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/conferences/{conference}: the conference and its sessions (viewer). */
export const GET = apiRoute<{ conference: string }>(async ({ viewer, params }) =>
  apiGetConference(viewer, params.conference),
);

/**
 * PATCH {"name", "location"?, "startsOn"?, "endsOn"?, "timezone"?, "hashtag"?, "titleTemplate"?} (owner):
 * replaces the conference's details (absent optional fields are cleared); the slug stays.
 */
export const PATCH = apiRoute<{ conference: string }>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "owner");
  const body = await readJson(req);
  await updateConferenceDetails(params.conference, {
    name: str(body.name) ?? "",
    location: str(body.location),
    startsOn: str(body.startsOn),
    endsOn: str(body.endsOn),
    timezone: str(body.timezone),
    hashtag: str(body.hashtag),
    titleTemplate: str(body.titleTemplate),
  });
  return apiGetConference(viewer, params.conference);
});
