import { type AppEnv, readEnv } from "./env";

let env: AppEnv | null = null;

/**
 * The site's absolute origin for links that leave the page (feed ids, canonical
 * and OpenGraph URLs, sitemap, invite links). `PUBLIC_URL` when configured;
 * else X-Forwarded-Proto/Host only when `TRUST_PROXY=1` says a reverse proxy
 * sets them (otherwise any client could choose the host written into a feed
 * that proxies cache for everyone); else the Host header, over http.
 */
export function siteOrigin(
  headers: Pick<Headers, "get">,
  config: Pick<AppEnv, "publicUrl" | "trustProxy"> = (env ??= readEnv()),
): string {
  if (config.publicUrl) return config.publicUrl;
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host =
    (config.trustProxy ? first(headers.get("x-forwarded-host")) : null) ?? first(headers.get("host")) ?? "localhost";
  const proto = config.trustProxy ? first(headers.get("x-forwarded-proto")) : null;
  // Only a plain host[:port] is used, so a forged header cannot inject markup or a path.
  const safeHost = /^[A-Za-z0-9.-]+(?::\d+)?$|^\[[0-9A-Fa-f:.]+\](?::\d+)?$/.test(host) ? host : "localhost";
  return `${proto === "https" ? "https" : "http"}://${safeHost}`;
}
