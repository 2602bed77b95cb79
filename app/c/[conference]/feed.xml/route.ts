import { AppError } from "@/lib/errors/app-error";
import { conferenceFeed } from "@/server/data/public-feed";
import { requestOrigin } from "../../request-origin";

export const dynamic = "force-dynamic";

/** The conference's Atom feed (one entry per public session, full notes as HTML). */
export async function GET(_request: Request, { params }: { params: Promise<{ conference: string }> }) {
  const { conference } = await params;
  try {
    const xml = await conferenceFeed(conference, await requestOrigin());
    return new Response(xml, {
      headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return new Response("Not Found", { status: 404 });
    throw err;
  }
}
