import { getPrisma } from "../db/prisma";

type Db = Pick<ReturnType<typeof getPrisma>, "publishDestination" | "publishJob">;

/**
 * Queues an automatic publish of these sessions (just set to published) to
 * every destination of their conference that asks for it. Called inside the
 * status change's transaction, so a status change and its jobs are stored
 * together; the jobs themselves run later, in the server
 * (AutoPublishWorker), so the change never waits for a blog. A session
 * already queued for a destination is queued again from scratch (its
 * attempts reset). Returns how many jobs were queued.
 */
export async function queueAutoPublish(
  db: Db,
  conferenceId: string,
  sessionIds: readonly string[],
  now = new Date(),
): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const destinations = await db.publishDestination.findMany({
    where: { conferenceId, autoPublish: true },
    select: { id: true },
  });
  let queued = 0;
  for (const d of destinations) {
    for (const sessionId of sessionIds) {
      await db.publishJob.upsert({
        where: { sessionId_destinationId: { sessionId, destinationId: d.id } },
        create: { sessionId, destinationId: d.id, state: "pending", runAt: now },
        update: { state: "pending", attempts: 0, runAt: now, lastError: null, lastAction: null },
      });
      queued++;
    }
  }
  return queued;
}
