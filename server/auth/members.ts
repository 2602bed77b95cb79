import { CONFERENCE_ROLES, type ConferenceRole, parseConferenceRole } from "../../lib/auth/conference-roles";
import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";
import { requireConferenceRole } from "./conference-access";
import type { Viewer } from "./viewer";

/** A conference's members with their roles (owners only see this page). */
export async function listMembers(viewer: Viewer | null, conferenceSlug: string) {
  const { conference } = await requireConferenceRole(viewer, conferenceSlug, "owner");
  const rows = await getPrisma().membership.findMany({
    where: { conferenceId: conference.id },
    orderBy: [{ createdAt: "asc" }],
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role as ConferenceRole,
    since: m.createdAt,
  }));
}

/** An owner changes a member's role; the last owner cannot step down (someone must manage the conference). */
export async function setMemberRole(
  viewer: Viewer | null,
  conferenceSlug: string,
  userId: string,
  role: string,
): Promise<void> {
  const { conference } = await requireConferenceRole(viewer, conferenceSlug, "owner");
  const next = parseConferenceRole(role);
  if (!next) throw new AppError("invalid_input", `Role must be one of ${CONFERENCE_ROLES.join(", ")}`);
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { userId_conferenceId: { userId, conferenceId: conference.id } },
    });
    if (!member) throw new AppError("not_found", "No such member");
    if (member.role === "owner" && next !== "owner") await assertAnotherOwner(tx, conference.id, userId);
    await tx.membership.update({ where: { id: member.id }, data: { role: next } });
  });
  // Their open connections were admitted with the old role: they reconnect with the new one.
  getRuntime()?.collab.accessChanged({ kind: "membership", conferenceId: conference.id, userId });
}

/** An owner removes a member (or a member leaves); the last owner cannot be removed. */
export async function removeMember(viewer: Viewer | null, conferenceSlug: string, userId: string): Promise<void> {
  const self = viewer?.id === userId;
  const { conference } = await requireConferenceRole(viewer, conferenceSlug, self ? "viewer" : "owner");
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { userId_conferenceId: { userId, conferenceId: conference.id } },
    });
    if (!member) throw new AppError("not_found", "No such member");
    if (member.role === "owner") await assertAnotherOwner(tx, conference.id, userId);
    await tx.membership.delete({ where: { id: member.id } });
  });
  getRuntime()?.collab.accessChanged({ kind: "membership", conferenceId: conference.id, userId });
}

/** Makes `userId` a member with `role` (creating a conference makes its creator the owner). */
export async function addMember(conferenceId: string, userId: string, role: ConferenceRole): Promise<void> {
  await getPrisma().membership.upsert({
    where: { userId_conferenceId: { userId, conferenceId } },
    create: { userId, conferenceId, role },
    update: { role },
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>["$transaction"]>[0]>[0];

async function assertAnotherOwner(tx: Tx, conferenceId: string, userId: string): Promise<void> {
  const others = await tx.membership.count({ where: { conferenceId, role: "owner", userId: { not: userId } } });
  if (others === 0)
    throw new AppError("conflict", "A conference needs at least one owner: make someone else owner first");
}
