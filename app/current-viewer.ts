import { headers } from "next/headers";
import { cache } from "react";
import { getViewer } from "@/server/auth/get-viewer";
import type { Viewer } from "@/server/auth/viewer";

/**
 * The signed-in person of this page or server action, resolved once per render:
 * the session cookie only. A personal access token never acts as a browser
 * session here (a 1-day token could otherwise mint a non-expiring one, accept
 * invites or change the sign-up policy through server actions).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => getViewer(await headers(), { tokens: false }));
