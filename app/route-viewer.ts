import { AppError } from "@/lib/errors/app-error";
import { getViewer } from "@/server/auth/get-viewer";
import { sameOrigin } from "@/server/auth/same-origin";
import type { Viewer } from "@/server/auth/viewer";

/**
 * The viewer of a route handler's request: session cookie or bearer token.
 * For a mutation authenticated by the cookie, the Origin must be this
 * server's (SameSite=Lax already keeps the cookie off cross-site POSTs; this
 * also covers other sites on the same host name).
 */
export async function routeViewer(req: Request, options: { mutation?: boolean } = {}): Promise<Viewer | null> {
  const viewer = await getViewer(req.headers);
  if (options.mutation && viewer?.via === "session" && !sameOrigin(req.headers)) {
    throw new AppError("forbidden", "Cross-site request refused");
  }
  return viewer;
}
