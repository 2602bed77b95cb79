import { AppError } from "@/lib/errors/app-error";
import type { EmbedTheme } from "@/lib/reader/embed-theme";
import { renderPublicNotFoundPage, renderPublicSessionPage } from "@/lib/reader/render-public-session-page";
import { getPublicSession } from "@/server/data/public-session";
import { EMBED_HEADERS } from "@/server/frame-policy";
import { readerStylesheet } from "@/server/reader/reader-stylesheet";
import { publicSessionPageData } from "../c/public-session-page-data";
import { requestOrigin } from "../c/request-origin";

/**
 * A session's embed (the public page's light rendering) as a response, or the
 * public 404 page for drafts and unknown slugs: a draft is never embeddable.
 * `refreshSeconds` makes the frame look again later (a room embed).
 */
export async function embedResponse(
  conferenceSlug: string,
  sessionSlug: string,
  theme: EmbedTheme,
  refreshSeconds: number | null = null,
): Promise<Response> {
  const stylesheet = `/c/reader.css?v=${readerStylesheet().hash}`;
  let view;
  try {
    view = await getPublicSession(conferenceSlug, sessionSlug);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found")
      return new Response(renderPublicNotFoundPage(stylesheet), { status: 404, headers: EMBED_HEADERS });
    throw err;
  }
  const data = publicSessionPageData(view, await requestOrigin(), stylesheet);
  const html = renderPublicSessionPage({ ...data, embed: { theme, refreshSeconds } });
  return new Response(html, { headers: { ...EMBED_HEADERS, "cache-control": "no-cache" } });
}
