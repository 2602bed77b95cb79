import { notFound, redirect } from "next/navigation";
import { currentViewer } from "@/app/current-viewer";
import type { ConferenceRole } from "@/lib/auth/conference-roles";
import { AppError } from "@/lib/errors/app-error";
import { requireConferenceRole } from "@/server/auth/conference-access";

/**
 * Guards a workspace page of `conferenceSlug`: signed-out visitors go to the
 * sign-in page (for every slug alike, so nothing is revealed), and anyone
 * without at least `needed` gets the 404 page, exactly as for an unknown slug.
 */
export async function requireWorkspaceRole(
  conferenceSlug: string,
  needed: ConferenceRole,
  path = `/conferences/${conferenceSlug}`,
) {
  const viewer = await currentViewer();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(path)}`);
  try {
    return { viewer, ...(await requireConferenceRole(viewer, conferenceSlug, needed)) };
  } catch (err) {
    if (err instanceof AppError && (err.code === "not_found" || err.code === "forbidden")) notFound();
    throw err;
  }
}
