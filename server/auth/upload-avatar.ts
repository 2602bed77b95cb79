import { avatarPath } from "../../lib/images/avatar-path";
import { getPrisma } from "../db/prisma";
import { processAvatar } from "../images/process-avatar";
import type { AuthorProfile } from "./author-profile";

/**
 * Stores an uploaded image as the account's avatar (processAvatar: the photo
 * pipeline, cropped square) and points the profile's avatar URL at it, at
 * this site's `origin`, so bylines, "About" boxes, exports and blog posts use
 * it like any avatar URL. A new upload replaces the previous one.
 */
export async function uploadAvatar(userId: string, bytes: Uint8Array, origin: string): Promise<AuthorProfile> {
  const avatar = await processAvatar(bytes);
  const prisma = getPrisma();
  const data = {
    hash: avatar.hash,
    contentType: avatar.contentType,
    size: avatar.size,
    data: new Uint8Array(avatar.data),
  };
  const [, profile] = await prisma.$transaction([
    prisma.userAvatar.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
    prisma.user.update({
      where: { id: userId },
      data: { avatarUrl: `${origin}${avatarPath(avatar.hash)}` },
      select: { name: true, bio: true, link: true, avatarUrl: true },
    }),
  ]);
  return profile;
}
