import { type ConferenceRole, parseConferenceRole, roleAtLeast } from "../../lib/auth/conference-roles";
import { AppError } from "../../lib/errors/app-error";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";
import type { Viewer } from "./viewer";

/** The viewer's role in a conference: admins are owners everywhere; null when they have none. */
export async function conferenceRole(viewer: Viewer | null, conferenceId: string): Promise<ConferenceRole | null> {
  if (!viewer) return null;
  if (viewer.isAdmin) return "owner";
  const membership = await getPrisma().membership.findUnique({
    where: { userId_conferenceId: { userId: viewer.id, conferenceId } },
    select: { role: true },
  });
  return parseConferenceRole(membership?.role);
}

/**
 * The conference named by `slug` and the viewer's role in it, when that role
 * is at least `needed`. Someone with no role gets not_found, exactly like an
 * unknown slug, so drafts and private conferences cannot be enumerated; a
 * member whose role is too weak gets forbidden (they already know it exists).
 */
export async function requireConferenceRole(viewer: Viewer | null, slug: string, needed: ConferenceRole) {
  const conference = await getPrisma().conference.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  const role = conference ? await conferenceRole(viewer, conference.id) : null;
  if (!conference || !role) throw new AppError("not_found", `No conference "${slug}"`);
  if (!roleAtLeast(role, needed)) throw new AppError("forbidden", `This needs ${needed} access to ${conference.name}`);
  return { conference, role };
}

/** Statuses the public may read (and follow live, read-only): live, published, archived (lib/reader). */
const PUBLIC_STATUSES = new Set<string>(PUBLIC_SESSION_STATUSES);

/** How a connection to a session's room was admitted: its write access, and the role that granted it. */
export interface CollabGrant {
  readOnly: boolean;
  /** The viewer's role in the session's conference, or "public" for a reader of a public session without one. */
  role: ConferenceRole | "public";
  conferenceId: string;
}

/**
 * How a viewer may join a session's collaboration room: owners and editors
 * write, viewers read; the public reads public (live, published, archived)
 * sessions only; archived sessions are read-only for everyone. Null: answer 404, the same as
 * for a session that does not exist.
 */
export async function collabAccess(viewer: Viewer | null, sessionId: string): Promise<CollabGrant | null> {
  const session = await getPrisma().session.findUnique({
    where: { id: sessionId },
    select: { conferenceId: true, status: true },
  });
  if (!session) return null;
  const { conferenceId } = session;
  const role = await conferenceRole(viewer, conferenceId);
  if (role && roleAtLeast(role, "editor")) return { readOnly: session.status === "archived", role, conferenceId };
  if (role === "viewer") return { readOnly: true, role, conferenceId };
  return PUBLIC_STATUSES.has(session.status) ? { readOnly: true, role: "public", conferenceId } : null;
}

/** Ids of the conferences the viewer may edit; undefined for an admin (all of them). */
export async function editableConferenceIds(viewer: Viewer): Promise<string[] | undefined> {
  if (viewer.isAdmin) return undefined;
  const rows = await getPrisma().membership.findMany({
    where: { userId: viewer.id, role: { in: ["editor", "owner"] } },
    select: { conferenceId: true },
  });
  return rows.map((r) => r.conferenceId);
}

/**
 * The session (by id) and the viewer's role in its conference, when that role
 * is at least `needed`; with `publicRead`, anyone may read a public (live,
 * published or archived) session. No role: not_found, like an unknown id.
 */
export async function requireSessionAccess(
  viewer: Viewer | null,
  sessionId: string,
  needed: ConferenceRole,
  options: { publicRead?: boolean } = {},
) {
  const session = await getPrisma().session.findUnique({
    where: { id: sessionId },
    select: { id: true, conferenceId: true, status: true },
  });
  const role = session ? await conferenceRole(viewer, session.conferenceId) : null;
  if (!session) throw new AppError("not_found", "No such session");
  if (options.publicRead && needed === "viewer" && PUBLIC_STATUSES.has(session.status)) return { session, role };
  if (!role) throw new AppError("not_found", "No such session");
  if (!roleAtLeast(role, needed)) throw new AppError("forbidden", `This needs ${needed} access`);
  return { session, role };
}

/** The same as requireSessionAccess, for a session named by its conference's and its own slug. */
export async function requireSessionAccessBySlug(
  viewer: Viewer | null,
  conferenceSlug: string,
  sessionSlug: string,
  needed: ConferenceRole,
  options: { publicRead?: boolean } = {},
) {
  const found = await getPrisma().session.findFirst({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
    select: { id: true },
  });
  if (!found) throw new AppError("not_found", `No session "${sessionSlug}" in "${conferenceSlug}"`);
  return requireSessionAccess(viewer, found.id, needed, options);
}
