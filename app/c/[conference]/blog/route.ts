import { requestOrigin } from "@/app/c/request-origin";
import { AppError } from "@/lib/errors/app-error";
import { renderPublicBlogPage } from "@/lib/reader/render-public-blog-page";
import { renderPublicNotFoundPage } from "@/lib/reader/render-public-session-page";
import { publicBlogPage } from "@/server/data/public-blog";
import { readerStylesheet } from "@/server/reader/reader-stylesheet";

export const dynamic = "force-dynamic";

const HTML = { "content-type": "text/html; charset=utf-8", "x-content-type-options": "nosniff" };

/**
 * The conference's notes as a blog (dated entries, newest first, paged with
 * `?page=`), written as one HTML document like the public session page: no
 * framework runtime, no script.
 */
export async function GET(request: Request, { params }: { params: Promise<{ conference: string }> }) {
  const { conference: slug } = await params;
  const stylesheet = `/c/reader.css?v=${readerStylesheet().hash}`;
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  try {
    const view = await publicBlogPage(slug, page);
    const html = renderPublicBlogPage({
      origin: await requestOrigin(),
      stylesheet,
      conference: {
        name: view.conference.name,
        slug: view.conference.slug,
        location: view.conference.location,
        timezone: view.conference.timezone,
      },
      entries: view.entries,
      page: view.page,
      pages: view.pages,
    });
    return new Response(html, { headers: { ...HTML, "cache-control": "no-cache" } });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found")
      return new Response(renderPublicNotFoundPage(stylesheet), { status: 404, headers: HTML });
    throw err;
  }
}
