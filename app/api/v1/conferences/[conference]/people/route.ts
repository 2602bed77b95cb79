import { requireConferenceRole } from "@/server/auth/conference-access";
import { listConferencePeople } from "@/server/data/people";
import { apiRoute } from "../../../api-route";

export const dynamic = "force-dynamic";

/** GET: the conference's people directory (viewer). */
export const GET = apiRoute<{ conference: string }>(async ({ viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "viewer");
  return { people: await listConferencePeople(params.conference) };
});
