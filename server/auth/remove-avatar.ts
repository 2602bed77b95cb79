import { getPrisma } from "../db/prisma";
import type { AuthorProfile } from "./author-profile";

/** Deletes the account's uploaded avatar and clears the profile's avatar URL when it pointed at it. */
export async function removeAvatar(userId: string): Promise<AuthorProfile> {
  const prisma = getPrisma();
  const uploaded = await prisma.userAvatar.findUnique({ where: { userId }, select: { hash: true } });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { avatarUrl: true } });
  const pointsAtUpload = uploaded !== null && (user.avatarUrl ?? "").includes(uploaded.hash);
  const [, profile] = await prisma.$transaction([
    prisma.userAvatar.deleteMany({ where: { userId } }),
    prisma.user.update({
      where: { id: userId },
      data: pointsAtUpload ? { avatarUrl: null } : {},
      select: { name: true, bio: true, link: true, avatarUrl: true },
    }),
  ]);
  return profile;
}
