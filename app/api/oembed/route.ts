import { requestOrigin } from "@/app/c/request-origin";
import { AppError } from "@/lib/errors/app-error";
import { getOembed } from "@/server/data/oembed";

export const dynamic = "force-dynamic";

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "x-content-type-options": "nosniff",
  "access-control-allow-origin": "*",
};

/** A positive integer parameter (maxwidth, maxheight), or null when absent or not one. */
function size(value: string | null): number | null {
  return value && /^\d{1,5}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/**
 * oEmbed (https://oembed.com): `GET /api/oembed?url=<session or room URL>&format=json`
 * gives a "rich" embed a CMS can show from the URL alone. As the spec says:
 * 400 without a url, 501 for a format other than json, 404 for a URL this
 * site has nothing to embed for (another site, a draft, an unknown session).
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const url = params.get("url");
  const format = params.get("format") ?? "json";
  if (!url) return Response.json({ error: "The url parameter is required" }, { status: 400, headers: JSON_HEADERS });
  if (format !== "json")
    return Response.json({ error: "Only format=json is provided" }, { status: 501, headers: JSON_HEADERS });
  try {
    const body = await getOembed(url, await requestOrigin(), {
      width: size(params.get("maxwidth")),
      height: size(params.get("maxheight")),
    });
    return Response.json(body, { headers: { ...JSON_HEADERS, "cache-control": "public, max-age=300" } });
  } catch (err) {
    if (err instanceof AppError)
      return Response.json({ error: err.message }, { status: err.status, headers: JSON_HEADERS });
    throw err;
  }
}
