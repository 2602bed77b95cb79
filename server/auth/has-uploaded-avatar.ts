import { getPrisma } from "../db/prisma";

/** Whether the account has an uploaded avatar (the account page offers to remove it). */
export async function hasUploadedAvatar(userId: string): Promise<boolean> {
  return (await getPrisma().userAvatar.count({ where: { userId } })) > 0;
}
