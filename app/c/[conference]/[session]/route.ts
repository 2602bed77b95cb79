import { publicSessionPageData } from "@/app/c/public-session-page-data";
import { requestOrigin } from "@/app/c/request-origin";
import { AppError } from "@/lib/errors/app-error";
import { renderPublicNotes } from "@/lib/reader/render-public-notes";
import { renderPublicNotFoundPage, renderPublicSessionPage } from "@/lib/reader/render-public-session-page";
import { getPublicSession } from "@/server/data/public-session";
import { readerStylesheet } from "@/server/reader/reader-stylesheet";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const HTML = { "content-type": "text/html; charset=utf-8", "x-content-type-options": "nosniff" };

/**
 * The public session page, written as one HTML document (lib/reader) rather
 * than through React: readers get the notes, the panel and the chart, one
 * cached stylesheet and — while the session is live — a few lines of inline
 * script, and no framework runtime (the "no editor code" and page JS goals,
 * row 5 of BENCHMARKS.md's Goals).
 */
export async function GET(req: Request, { params }: { params: Promise<{ conference: string; session: string }> }) {
  const { conference: conferenceSlug, session: sessionSlug } = await params;
  const stylesheet = `/c/reader.css?v=${readerStylesheet().hash}`;
  // Read before the page's data: a change made while it renders leaves the stored page stale, not current.
  const pages = getRuntime()?.publicPages;
  const key = (await pages?.key(conferenceSlug, sessionSlug)) ?? null;
  let view;
  try {
    view = await getPublicSession(conferenceSlug, sessionSlug);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found")
      return new Response(renderPublicNotFoundPage(stylesheet), { status: 404, headers: HTML });
    throw err;
  }
  const origin = await requestOrigin();
  // `?player=1`: the reader asked for the recording's player on the page (no third-party request before);
  // the time links then load it at their second. Rendered per request, never stored for the plain address.
  const player = new URL(req.url).searchParams.get("player") === "1" && view.document.session.recording != null;
  const data = publicSessionPageData(view, origin, stylesheet);
  const html = renderPublicSessionPage(
    player
      ? {
          ...data,
          player,
          html: {
            ...data.html,
            ...renderPublicNotes(view.document, view.conference.slug, view.session.id, {
              timeZone: view.conference.timezone,
              player: true,
            }),
          },
        }
      : data,
  );
  // Later requests are answered from these bytes by the entry point until the page changes (server/reader/public-page-cache.ts).
  const etag = pages && key && !player ? pages.remember(conferenceSlug, sessionSlug, origin, key, html) : null;
  return new Response(html, { headers: { ...HTML, "cache-control": "no-cache", ...(etag ? { etag } : {}) } });
}
