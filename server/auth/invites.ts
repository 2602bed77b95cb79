import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { CONFERENCE_ROLES, type ConferenceRole, roleAtLeast } from "../../lib/auth/conference-roles";
import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { parseInput } from "../data/parse-input";
import { requireConferenceRole } from "./conference-access";
import { hashToken, newToken } from "./hash-token";
import type { Viewer } from "./viewer";

/**
 * Waits of a claim's transaction: racing claims queue for SQLite's one writer, and on a busy machine
 * Prisma's defaults (2 s to start, 5 s to finish) turn a lost race into an internal error instead of "used".
 */
export const CLAIM_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

/** Invite link tokens start with this. */
export const INVITE_PREFIX = "tn_inv_";
const INVITE_SHAPE = /^tn_inv_[A-Za-z0-9_-]{43}$/;

const CreateInviteInput = z.object({
  role: z.enum(CONFERENCE_ROLES),
  expiresInHours: z.coerce
    .number()
    .int()
    .min(1, "At least one hour")
    .max(30 * 24, "At most 30 days")
    .default(7 * 24),
});

/**
 * An owner creates an invite link: single-use (the first person to accept it
 * becomes a member), expiring (default 7 days, at most 30), for one role.
 * Only the token's SHA-256 is stored; the token is returned once.
 */
export async function createInvite(
  viewer: Viewer | null,
  conferenceSlug: string,
  input: { role: string; expiresInHours?: number | string },
) {
  const { conference } = await requireConferenceRole(viewer, conferenceSlug, "owner");
  const data = parseInput(CreateInviteInput, input);
  const token = newToken(INVITE_PREFIX);
  const invite = await getPrisma().invite.create({
    data: {
      tokenHash: hashToken(token),
      conferenceId: conference.id,
      role: data.role,
      expiresAt: new Date(Date.now() + data.expiresInHours * 3_600_000),
      createdById: viewer!.id,
    },
    select: { id: true, role: true, expiresAt: true },
  });
  return { ...invite, token, path: `/invite/${token}` };
}

/** What an invite link offers, without accepting it. Unknown, used and expired links look alike from outside. */
export async function describeInvite(
  token: string,
): Promise<{ status: "valid" | "invalid"; conferenceName?: string; role?: ConferenceRole; expiresAt?: Date }> {
  if (!INVITE_SHAPE.test(token)) return { status: "invalid" };
  const invite = await getPrisma().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { conference: { select: { name: true } } },
  });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() <= Date.now()) return { status: "invalid" };
  return {
    status: "valid",
    conferenceName: invite.conference.name,
    role: invite.role as ConferenceRole,
    expiresAt: invite.expiresAt,
  };
}

/**
 * Accepts an invite for `userId`: marks it used (a conditional update, so two
 * people racing for one link cannot both win) and makes the user a member.
 * An existing stronger role is kept. Invalid, used or expired: not_found.
 */
export async function acceptInvite(
  token: string,
  userId: string,
): Promise<{ conferenceSlug: string; role: ConferenceRole }> {
  return getPrisma().$transaction((tx) => claimInvite(tx, token, userId), CLAIM_TRANSACTION);
}

/**
 * acceptInvite's work inside the caller's transaction, so sign-up can create
 * the account and claim the invite together: a lost race rolls the account back too.
 */
export async function claimInvite(
  tx: Prisma.TransactionClient,
  token: string,
  userId: string,
): Promise<{ conferenceSlug: string; role: ConferenceRole }> {
  const invalid = new AppError("not_found", "This invite link has expired or was already used: ask for a new one");
  if (!INVITE_SHAPE.test(token)) throw invalid;
  const invite = await tx.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { conference: { select: { slug: true } } },
  });
  if (!invite) throw invalid;
  const now = new Date();
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, usedById: userId },
  });
  if (claimed.count !== 1) throw invalid;
  const role = invite.role as ConferenceRole;
  const existing = await tx.membership.findUnique({
    where: { userId_conferenceId: { userId, conferenceId: invite.conferenceId } },
  });
  const finalRole =
    existing && roleAtLeast(existing.role as ConferenceRole, role) ? (existing.role as ConferenceRole) : role;
  await tx.membership.upsert({
    where: { userId_conferenceId: { userId, conferenceId: invite.conferenceId } },
    create: { userId, conferenceId: invite.conferenceId, role: finalRole },
    update: { role: finalRole },
  });
  return { conferenceSlug: invite.conference.slug, role: finalRole };
}

/** Open (unused, unexpired) invites of a conference, for its owners. */
export async function listOpenInvites(viewer: Viewer | null, conferenceSlug: string) {
  const { conference } = await requireConferenceRole(viewer, conferenceSlug, "owner");
  return getPrisma().invite.findMany({
    where: { conferenceId: conference.id, usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** An owner withdraws an open invite. */
export async function revokeInvite(viewer: Viewer | null, conferenceSlug: string, inviteId: string): Promise<void> {
  const { conference } = await requireConferenceRole(viewer, conferenceSlug, "owner");
  const { count } = await getPrisma().invite.deleteMany({ where: { id: inviteId, conferenceId: conference.id } });
  if (count === 0) throw new AppError("not_found", "No such invite");
}
