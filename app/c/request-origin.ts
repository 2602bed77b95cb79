import { headers } from "next/headers";
import { siteOrigin } from "@/server/site-origin";

/** The site's absolute origin for this request's links (see server/site-origin.ts: `PUBLIC_URL`, `TRUST_PROXY`). */
export async function requestOrigin(): Promise<string> {
  return siteOrigin(await headers());
}
