import { siteOrigin } from "../site-origin";

/**
 * True when a request's Origin is this server's own Host, or when it has no
 * Origin (not a browser's cross-site request). Guards cookie-authenticated
 * websocket upgrades and route-handler mutations against cross-site use.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  try {
    // The Host the browser used, or the site's origin as server/site-origin.ts decides it (PUBLIC_URL, or
    // X-Forwarded-Host when TRUST_PROXY says a proxy sets it).
    const host = new URL(origin).host;
    return host === headers.get("host") || host === new URL(siteOrigin(headers)).host;
  } catch {
    return false;
  }
}
