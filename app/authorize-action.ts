import { currentViewer } from "@/app/current-viewer";
import type { ConferenceRole } from "@/lib/auth/conference-roles";
import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";

/**
 * The first line of every server action that touches a conference: the
 * viewer from the session cookie must hold at least `needed` there. Throws
 * AppError unauthorized (signed out), not_found (no role: same as an unknown
 * slug) or forbidden (role too weak). Server actions are public POST
 * endpoints, so each checks for itself; the page that rendered the form
 * proves nothing.
 */
export async function authorizeAction(conferenceSlug: string, needed: ConferenceRole) {
  const viewer = await currentViewer();
  if (!viewer) throw new AppError("unauthorized", "Your session has ended: sign in again");
  return { viewer, ...(await requireConferenceRole(viewer, conferenceSlug, needed)) };
}
