import { resolveAccessToken } from "./access-tokens";
import { getAuth } from "./auth-instance";
import type { Viewer } from "./viewer";

const SECURE_SESSION_COOKIE = "__Secure-talknotes.session_token";

/**
 * Who is asking: a personal access token (`Authorization: Bearer tn_pat_...`,
 * or `token` such as the websocket's `?token=`) or the session cookie, unless
 * `cookie: false` (the JSON API takes tokens only, so cross-site requests that
 * carry the cookie prove nothing there). A token that is present but invalid
 * gives null, never a fallback to the cookie. With `tokens: false` only the
 * cookie counts: pages and server actions are the browser's; tokens are for the
 * JSON API, exports and the websocket.
 */
export async function getViewer(
  headers: Headers,
  options: { token?: string | null; cookie?: boolean; tokens?: boolean } = {},
): Promise<Viewer | null> {
  const bearer =
    options.tokens === false
      ? null
      : (/^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1] ?? options.token ?? null);
  if (bearer) return resolveAccessToken(bearer);
  if (options.cookie === false) return null;
  const cookie = headers.get("cookie");
  if (!cookie || !cookie.includes("talknotes.session_token")) return null;
  const auth = getAuth({ secure: cookie.includes(SECURE_SESSION_COOKIE) });
  try {
    const found = await auth.api.getSession({ headers });
    if (!found) return null;
    const user = found.user as typeof found.user & { isAdmin?: boolean | null };
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      isAdmin: !!user.isAdmin,
      via: "session",
      credentialId: found.session.id,
      expiresAt: found.session.expiresAt,
    };
  } catch {
    // A tampered or malformed cookie is simply no session.
    return null;
  }
}
