import { readerStylesheet } from "@/server/reader/reader-stylesheet";

/** The public session page's stylesheet; `?v=<hash>` URLs never change, so they are cached for good. */
export function GET(req: Request) {
  const { css, hash } = readerStylesheet();
  const versioned = new URL(req.url).searchParams.get("v") === hash;
  return new Response(css, {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "no-cache",
      etag: `"${hash}"`,
    },
  });
}
