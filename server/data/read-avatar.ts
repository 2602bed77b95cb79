import { getPrisma } from "../db/prisma";

/** An uploaded avatar's bytes by their hash, or null when no account has it. */
export async function readAvatar(hash: string): Promise<{ contentType: string; data: Uint8Array } | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  return getPrisma().userAvatar.findFirst({ where: { hash }, select: { contentType: true, data: true } });
}
