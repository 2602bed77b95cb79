import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";
import { apiGetSession, str } from "@/server/api/api-views";
import { deleteSession } from "@/server/data/delete-session";
import { setSessionStatus } from "@/server/data/publish-sessions";
import { updateSessionDetails } from "@/server/data/update-session-details";
import { apiRoute, readJson } from "../../../../api-route";

export const dynamic = "force-dynamic";

type P = { conference: string; session: string };

const DETAILS = ["title", "room", "startsAt", "endsAt"] as const;

/** GET: one session (viewer). */
export const GET = apiRoute<P>(async ({ viewer, params }) => ({
  session: await apiGetSession(viewer, params.conference, params.session),
}));

/**
 * PATCH (editor) {"status"?, "title"?, "room"?, "startsAt"?, "endsAt"?, "recording"?}: the status (draft, live,
 * published, archived) and/or the details; a detail left out keeps its value, null or "" clears room and times.
 * `recording` is {"url", "startsAt"?} (startsAt: the instant the video's 0:00 shows, null or absent: the session's
 * start) or null to remove it.
 */
export const PATCH = apiRoute<P>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const body = await readJson(req);
  const recording = "recording" in body ? recordingFields(body.recording) : {};
  if (body.status === undefined && !DETAILS.some((k) => k in body) && !("recording" in body)) {
    throw new AppError("invalid_input", `Send "status", "recording" or any of ${DETAILS.join(", ")}`);
  }
  if (DETAILS.some((k) => k in body) || "recording" in body) {
    const current = await apiGetSession(viewer, params.conference, params.session);
    const pick = (k: (typeof DETAILS)[number]) => (k in body ? (str(body[k]) ?? "") : (current[k] ?? ""));
    await updateSessionDetails(params.conference, params.session, {
      title: pick("title"),
      room: pick("room"),
      startsAt: pick("startsAt"),
      endsAt: pick("endsAt"),
      ...recording,
    });
  }
  if (body.status !== undefined)
    await setSessionStatus(params.conference, params.session, (str(body.status) ?? "") as "draft");
  return { session: await apiGetSession(viewer, params.conference, params.session) };
});

function recordingFields(value: unknown): { recordingUrl: string; recordingStartsAt: string | null } {
  if (value === null) return { recordingUrl: "", recordingStartsAt: null };
  const given = (typeof value === "object" ? value : {}) as Record<string, unknown>;
  if (!str(given.url)) throw new AppError("invalid_input", `"recording" is {"url", "startsAt"?} or null`);
  return { recordingUrl: str(given.url) ?? "", recordingStartsAt: str(given.startsAt) ?? null };
}

/** DELETE (owner): the session, its notes and their history. */
export const DELETE = apiRoute<P>(async ({ viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "owner");
  return { deleted: await deleteSession(params.conference, params.session) };
});
