import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";
import { parseInput } from "../data/parse-input";
import { hashToken, newToken } from "./hash-token";
import type { Viewer } from "./viewer";

/** Every personal access token starts with this, so leaked tokens are recognisable (and scannable). */
export const ACCESS_TOKEN_PREFIX = "tn_pat_";
const TOKEN_SHAPE = /^tn_pat_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often per token, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

const CreateTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token (e.g. the script that uses it)").max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

/**
 * Creates a personal access token for `userId`. The token is returned once;
 * only its SHA-256 is stored.
 */
export async function createAccessToken(userId: string, input: { name: string; expiresInDays?: number | null }) {
  const data = parseInput(CreateTokenInput, input);
  const token = newToken(ACCESS_TOKEN_PREFIX);
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
  const row = await getPrisma().accessToken.create({
    data: { userId, name: data.name, tokenHash: hashToken(token), expiresAt },
    select: { id: true, name: true, expiresAt: true, createdAt: true },
  });
  return { ...row, token };
}

/** The user a token belongs to, or null when it is malformed, unknown, expired or its user is gone. */
export async function resolveAccessToken(token: string): Promise<Viewer | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const prisma = getPrisma();
  const row = await prisma.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, isAdmin: true } } },
  });
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { ...row.user, via: "token", credentialId: row.id, expiresAt: row.expiresAt };
}

/** The user's tokens (never the secrets), newest first. */
export async function listAccessTokens(userId: string) {
  return getPrisma().accessToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

/** Revokes one of the user's own tokens; someone else's token id answers not_found. */
export async function revokeAccessToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await getPrisma().accessToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw new AppError("not_found", "No such token");
  // Websocket connections opened with it end now, not when they next reconnect.
  getRuntime()?.collab.accessChanged({ kind: "token-revoked", tokenId });
}
