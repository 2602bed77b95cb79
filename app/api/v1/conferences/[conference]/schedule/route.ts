import { requireConferenceRole } from "@/server/auth/conference-access";
import { importSchedule } from "@/server/data/import-schedule";
import { apiRoute, readBodyText } from "../../../api-route";

export const dynamic = "force-dynamic";

/** Largest schedule file accepted through the API (the UI's upload limit). */
const MAX_SCHEDULE_BYTES = 20 * 1024 * 1024;

/**
 * POST (editor): import or re-import the conference's schedule. Body: the pretalx JSON or frab XML file
 * itself, or `{"url": "https://..."}` with `Content-Type: application/json` to have the server fetch it.
 */
export const POST = apiRoute<{ conference: string }>(async ({ req, viewer, params }) => {
  await requireConferenceRole(viewer, params.conference, "editor");
  const text = await readBodyText(req, MAX_SCHEDULE_BYTES);
  let url: string | undefined;
  if ((req.headers.get("content-type") ?? "").startsWith("application/json")) {
    try {
      const body = JSON.parse(text) as { url?: unknown };
      if (typeof body.url === "string") url = body.url;
    } catch {
      // not {"url"}: a pretalx JSON schedule itself
    }
  }
  const result = await importSchedule(
    url ? { url, conferenceSlug: params.conference } : { text, conferenceSlug: params.conference },
  );
  return { conference: result.conference.slug, summary: result.summary, counts: result.counts };
});
