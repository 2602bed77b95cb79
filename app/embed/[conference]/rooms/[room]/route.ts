import { AppError } from "@/lib/errors/app-error";
import { parseEmbedTheme } from "@/lib/reader/embed-theme";
import { renderPublicNotFoundPage } from "@/lib/reader/render-public-session-page";
import { renderRoomEmbedIdle } from "@/lib/reader/render-room-embed-idle";
import { roomNow } from "@/lib/reader/room-now";
import { getPublicRoomSchedule } from "@/server/data/public-room-schedule";
import { EMBED_HEADERS } from "@/server/frame-policy";
import { readerStylesheet } from "@/server/reader/reader-stylesheet";
import { requestOrigin } from "../../../../c/request-origin";
import { embedResponse } from "../../../embed-response";

export const dynamic = "force-dynamic";

/** Look again at least this often, so a schedule change reaches frames already open. */
const MAX_REFRESH_SECONDS = 15 * 60;

/**
 * "Whatever session is live in Room A now", for an `<iframe>` on a
 * conference site: the embed of the session the schedule has running in the
 * room, or "nothing live now, next: …" between sessions. The frame reloads
 * itself when that answer changes (the session ends, the next one starts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ conference: string; room: string }> }) {
  const { conference: conferenceSlug, room } = await params;
  const theme = parseEmbedTheme(new URL(request.url).searchParams);
  const stylesheet = `/c/reader.css?v=${readerStylesheet().hash}`;
  let schedule;
  try {
    schedule = await getPublicRoomSchedule(conferenceSlug, room);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found")
      return new Response(renderPublicNotFoundPage(stylesheet), { status: 404, headers: EMBED_HEADERS });
    throw err;
  }
  const now = new Date();
  const { live, next, changesAt } = roomNow(schedule.sessions, schedule.room, now);
  const refreshSeconds = Math.min(
    MAX_REFRESH_SECONDS,
    changesAt ? Math.ceil((changesAt.getTime() - now.getTime()) / 1000) + 1 : MAX_REFRESH_SECONDS,
  );
  if (live) return embedResponse(conferenceSlug, live.slug, theme, refreshSeconds);
  const html = renderRoomEmbedIdle({
    origin: await requestOrigin(),
    stylesheet,
    theme,
    conference: schedule.conference,
    room: schedule.room,
    next: next && { title: next.title, slug: next.slug, startsAt: next.startsAt!, endsAt: next.endsAt },
    refreshSeconds,
  });
  return new Response(html, { headers: { ...EMBED_HEADERS, "cache-control": "no-cache" } });
}
