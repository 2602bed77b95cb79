import { AppError } from "../../lib/errors/app-error";
import { IMAGE_LIMITS } from "../../lib/images/image-limits";
import type { Prisma } from "../../generated/prisma/client";
import { getPrisma } from "../db/prisma";
import type { ImageStore } from "./image-store";

/**
 * The ImageStore in the application's database (SQLite or PostgreSQL):
 * SessionImage rows keyed by (session, sha-256), ImageVariant rows with the
 * bytes. The caps are checked in the same transaction as the insert; on
 * SQLite writes are serialised so they hold exactly, on PostgreSQL two
 * uploads racing at the cap may both pass (one photo over, never more).
 * Given `tx` (an import's transaction), `put` writes in it instead of its own.
 */
export function prismaImageStore(
  limits: { maxSessionImages: number; maxSessionBytes: number } = IMAGE_LIMITS,
  tx?: Prisma.TransactionClient,
): ImageStore {
  const inTransaction = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> =>
    tx ? work(tx) : getPrisma().$transaction(work);
  return {
    async put(sessionId, image) {
      const info = { hash: image.hash, width: image.width, height: image.height, placeholder: image.placeholder };
      const bytes = image.variants.reduce((sum, v) => sum + v.data.length, 0);
      return inTransaction(async (tx) => {
        const existing = await tx.sessionImage.findUnique({
          where: { sessionId_hash: { sessionId, hash: image.hash } },
          select: { hash: true },
        });
        if (existing) return info;
        const used = await tx.sessionImage.aggregate({
          where: { sessionId },
          _count: { hash: true },
          _sum: { bytes: true },
        });
        if (used._count.hash >= limits.maxSessionImages) {
          throw new AppError("too_large", `A session may hold at most ${limits.maxSessionImages} photos`);
        }
        if ((used._sum.bytes ?? 0) + bytes > limits.maxSessionBytes) {
          throw new AppError(
            "too_large",
            `This session's photos would pass ${limits.maxSessionBytes / 1024 / 1024} MB`,
          );
        }
        await tx.sessionImage.create({
          data: {
            sessionId,
            ...info,
            bytes,
            variants: {
              create: image.variants.map((v) => ({
                name: v.name,
                contentType: v.contentType,
                width: v.width,
                height: v.height,
                data: new Uint8Array(v.data),
              })),
            },
          },
        });
        return info;
      });
    },

    async variant(sessionId, hash, name) {
      const row = await getPrisma().imageVariant.findUnique({
        where: { sessionId_hash_name: { sessionId, hash, name } },
        select: { contentType: true, data: true },
      });
      return row;
    },

    async list(sessionId) {
      return getPrisma().sessionImage.findMany({
        where: { sessionId },
        select: { hash: true, width: true, height: true, placeholder: true },
        orderBy: { createdAt: "asc" },
      });
    },
  };
}
