import { getPrisma } from "../db/prisma";

/** A claimed automatic-publish job, as the worker needs it. */
export interface ClaimedPublishJob {
  id: string;
  destinationId: string;
  claimedAt: Date;
}

/** What a finished attempt records on its job. */
export interface PublishJobOutcome {
  state: string;
  runAt?: Date;
  lastAction?: string | null;
  lastError?: string | null;
}

/** Puts jobs whose attempt was interrupted (running since before `staleBefore`) back in the queue. */
export async function requeueStalePublishJobs(staleBefore: Date): Promise<void> {
  await getPrisma().publishJob.updateMany({
    where: { state: "running", runAt: { lt: staleBefore } },
    data: { state: "pending" },
  });
}

/**
 * Claims the next due job of a destination not in `busy`, or returns null when
 * none is due. The claim is a conditional update, so two servers sharing the
 * database never run the same job; `undefined` means another server took the
 * job first (the caller tries again).
 */
export async function claimNextPublishJob(
  busy: ReadonlySet<string>,
  now = new Date(),
): Promise<ClaimedPublishJob | null | undefined> {
  const prisma = getPrisma();
  const next = await prisma.publishJob.findFirst({
    where: { state: "pending", runAt: { lte: now }, destinationId: { notIn: [...busy] } },
    orderBy: { runAt: "asc" },
    select: { id: true, destinationId: true },
  });
  if (!next) return null;
  const claimed = await prisma.publishJob.updateMany({
    where: { id: next.id, state: "pending" },
    data: { state: "running", runAt: now, attempts: { increment: 1 } },
  });
  return claimed.count === 1 ? { ...next, claimedAt: now } : undefined;
}

/** A claimed job's attempts, destination and session (slug, status, conference). */
export async function readPublishJob(jobId: string) {
  return getPrisma().publishJob.findUnique({
    where: { id: jobId },
    select: {
      attempts: true,
      destinationId: true,
      session: { select: { slug: true, status: true, conference: { select: { slug: true } } } },
    },
  });
}

/** Records an attempt's outcome on this claim's row only: a job queued again meanwhile (state pending) keeps its new state. */
export async function finishPublishJob(job: ClaimedPublishJob, outcome: PublishJobOutcome): Promise<void> {
  await getPrisma().publishJob.updateMany({
    where: { id: job.id, state: "running", runAt: job.claimedAt },
    data: outcome,
  });
}
