import type { MetadataRoute } from "next";
import { publicSitemapPaths } from "@/server/data/public-sitemap";
import { requestOrigin } from "./c/request-origin";

export const dynamic = "force-dynamic";

/** Every public page (conferences, sessions, speakers); drafts never appear. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await requestOrigin();
  return (await publicSitemapPaths()).map((p) => ({ url: `${origin}${p.path}`, lastModified: p.lastModified }));
}
