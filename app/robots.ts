import type { MetadataRoute } from "next";
import { requestOrigin } from "./c/request-origin";

export const dynamic = "force-dynamic";

/** Crawlers read the public pages; the editing workspace and APIs are not for them. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await requestOrigin();
  return {
    rules: [
      {
        userAgent: "*",
        allow: ["/c/", "/sitemap.xml"],
        disallow: ["/conferences/", "/schedule/", "/api/", "/collab/", "/c/*/search", "/c/*/*/live"],
      },
    ],
    sitemap: `${origin}/sitemap.xml`,
  };
}
