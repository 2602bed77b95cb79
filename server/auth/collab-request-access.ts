import type { IncomingMessage } from "node:http";
import type { ConnectionAccess } from "../collab/connection";
import { collabAccess } from "./conference-access";
import { getViewer } from "./get-viewer";
import { sameOrigin } from "./same-origin";
import type { Viewer } from "./viewer";

/**
 * How an upgrade request to `/collab/<sessionId>` may join: the viewer comes
 * from `?token=<personal access token>` or the session cookie. Browsers send
 * cookies on cross-site websocket upgrades too, so a cookie only counts when
 * the Origin is this server's own (no Origin: not a browser, fine); otherwise
 * the request is treated as the public's. The answer records why the
 * connection was admitted (role, account, cookie session or token, and when
 * that ends), so an access change later closes exactly the connections it affects.
 */
export async function collabRequestAccess(req: IncomingMessage, sessionId: string): Promise<ConnectionAccess | null> {
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
  const grant = await collabAccess(viewer, sessionId);
  if (!grant) return null;
  const account = viewer;
  return {
    ...grant,
    userId: account?.id ?? null,
    admin: account?.isAdmin ?? false,
    name: account?.name ?? null,
    sessionCredential: account?.via === "session" ? (account.credentialId ?? null) : null,
    tokenCredential: account?.via === "token" ? (account.credentialId ?? null) : null,
    expiresAt: account?.expiresAt?.getTime() ?? null,
  };
}
