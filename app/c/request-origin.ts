import { headers } from "next/headers";

/**
 * The site's absolute origin as the reader reached it (canonical links,
 * OpenGraph URLs, feeds, sitemap), from the proxy's X-Forwarded-* headers or
 * the Host header. No configuration needed; behind a proxy that does not set
 * X-Forwarded-Proto, links say http.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "localhost").split(",")[0]!.trim();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  // Only a plain host[:port] is used, so a forged header cannot inject markup or a path.
  const safeHost = /^[A-Za-z0-9.-]+(?::\d+)?$|^\[[0-9A-Fa-f:.]+\](?::\d+)?$/.test(host) ? host : "localhost";
  return `${proto === "https" ? "https" : "http"}://${safeHost}`;
}
