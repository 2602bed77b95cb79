/**
 * True when a request's Origin is this server's own Host, or when it has no
 * Origin (not a browser's cross-site request). Guards cookie-authenticated
 * websocket upgrades and route-handler mutations against cross-site use.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  try {
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
