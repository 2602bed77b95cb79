import type { IncomingMessage } from "node:http";
import { collabAccess } from "./conference-access";
import { getViewer } from "./get-viewer";
import { sameOrigin } from "./same-origin";
import type { Viewer } from "./viewer";

/**
 * How an upgrade request to `/collab/<sessionId>` may join: the viewer comes
 * from `?token=<personal access token>` or the session cookie. Browsers send
 * cookies on cross-site websocket upgrades too, so a cookie only counts when
 * the Origin is this server's own (no Origin: not a browser, fine); otherwise
 * the request is treated as the public's.
 */
export async function collabRequestAccess(req: IncomingMessage, sessionId: string): Promise<{ readOnly: boolean } | null> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const token = url.searchParams.get("token");
  let viewer: Viewer | null = null;
  if (token || headers.has("authorization")) {
    viewer = await getViewer(headers, { token, cookie: false });
    // A token that was sent but does not resolve is refused outright, not downgraded to the public.
    if (!viewer) return null;
  } else if (sameOrigin(headers)) {
    viewer = await getViewer(headers);
  }
  return collabAccess(viewer, sessionId);
}
