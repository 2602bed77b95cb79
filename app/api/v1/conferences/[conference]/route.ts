import { apiGetConference } from "@/server/api/api-views";
import { apiRoute } from "../../api-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/conferences/{conference}: the conference and its sessions (viewer). */
export const GET = apiRoute<{ conference: string }>(async ({ viewer, params }) => apiGetConference(viewer, params.conference));
