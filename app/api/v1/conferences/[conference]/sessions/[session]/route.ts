import { requireConferenceRole } from "@/server/auth/conference-access";
import { apiGetSession, str } from "@/server/api/api-views";
import { setSessionStatus } from "@/server/data/publish-sessions";
import { apiRoute, readJson } from "../../../../api-route";

export const dynamic = "force-dynamic";

type P = { conference: string; session: string };

/** GET: one session (viewer). */
export const GET = apiRoute<P>(async ({ viewer, params }) => ({ session: await apiGetSession(viewer, params.conference, params.session) }));

/** PATCH {"status"}: draft, live, published or archived (editor). */
export const PATCH = apiRoute<P>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const body = await readJson(req);
  await setSessionStatus(params.conference, params.session, (str(body.status) ?? "") as "draft");
  return { session: await apiGetSession(viewer, params.conference, params.session) };
});
