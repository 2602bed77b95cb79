import { headers } from "next/headers";
import { cache } from "react";
import { getViewer } from "@/server/auth/get-viewer";
import type { Viewer } from "@/server/auth/viewer";

/** The signed-in person of this request (session cookie or bearer token), resolved once per render. */
export const currentViewer = cache(async (): Promise<Viewer | null> => getViewer(await headers()));
