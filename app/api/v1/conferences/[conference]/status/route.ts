import { AppError } from "@/lib/errors/app-error";
import { SESSION_STATUSES, type SessionStatus } from "@/lib/reader/session-status";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { str } from "@/server/api/api-views";
import { setConferenceStatus } from "@/server/data/publish-sessions";
import { apiRoute, readJson } from "../../../api-route";

export const dynamic = "force-dynamic";

/**
 * POST {"status", "from"?: [statuses], "onlyWithNotes"?: boolean} (owner): every session of the conference
 * (only those in `from`, when given; only those with notes written, with `onlyWithNotes`) gets `status` in one
 * transaction — the workspace's "Publish…" is {"status":"published","from":["draft","live"],"onlyWithNotes":true}.
 */
export const POST = apiRoute<{ conference: string }>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "owner");
  const body = await readJson(req);
  const from = body.from === undefined ? undefined : body.from;
  if (
    from !== undefined &&
    (!Array.isArray(from) || !from.every((s) => (SESSION_STATUSES as readonly unknown[]).includes(s)))
  ) {
    throw new AppError("invalid_input", `from: a list of ${SESSION_STATUSES.join(", ")}`);
  }
  if (body.onlyWithNotes !== undefined && typeof body.onlyWithNotes !== "boolean")
    throw new AppError("invalid_input", "onlyWithNotes: true or false");
  const changed = await setConferenceStatus(
    params.conference,
    (str(body.status) ?? "") as SessionStatus,
    from as SessionStatus[] | undefined,
    {
      onlyWithNotes: body.onlyWithNotes === true,
    },
  );
  return { changed };
});
