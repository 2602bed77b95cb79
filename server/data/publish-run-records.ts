import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import type { PublishedMediaFile, PublishOutcome } from "../publish/publisher";

/** Statuses "publish all" sends: the sessions whose notes are final enough to be posts. */
export const POSTABLE = ["published", "archived"];

/**
 * What a publish run reads before it talks to the destination
 * (server/publish/publish-to-destination.ts): the conference, the destination
 * (by name or id, with its sealed credential) and the sessions to send with
 * what this destination holds for each. Throws not_found for an unknown
 * conference, destination or (when asked for one) session.
 */
export async function readPublishRun(options: { conferenceSlug: string; destination: string; sessionSlug?: string }) {
  const prisma = getPrisma();
  const conference = await prisma.conference.findUnique({
    where: { slug: options.conferenceSlug },
    select: { id: true, name: true },
  });
  if (!conference) throw new AppError("not_found", `No conference "${options.conferenceSlug}"`);
  const destination = await prisma.publishDestination.findFirst({
    where: { conferenceId: conference.id, OR: [{ name: options.destination }, { id: options.destination }] },
  });
  if (!destination)
    throw new AppError(
      "not_found",
      `Conference "${options.conferenceSlug}" has no destination "${options.destination}"`,
    );

  const sessions = await prisma.session.findMany({
    where: {
      conferenceId: conference.id,
      ...(options.sessionSlug !== undefined ? { slug: options.sessionSlug } : { status: { in: POSTABLE } }),
    },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, slug: true, status: true, publishedAs: { where: { destinationId: destination.id } } },
  });
  if (options.sessionSlug !== undefined && sessions.length === 0)
    throw new AppError("not_found", `No session "${options.sessionSlug}" in "${options.conferenceSlug}"`);
  return { conference, destination, sessions };
}

/** The photos a destination's media library already holds, by hash (uploaded by earlier runs). */
export async function publishedMediaOf(destinationId: string): Promise<Map<string, PublishedMediaFile>> {
  const known = await getPrisma().publishedMedia.findMany({
    where: { destinationId },
    select: { hash: true, remoteId: true, url: true },
  });
  return new Map(known.map((m) => [m.hash, m]));
}

/**
 * Records, in one transaction, what the destination confirmed: each session's post (remote id, content
 * hash, URL) and the photos those sessions uploaded, so the next run updates the same posts and shows the
 * same files instead of uploading again. Failed sessions are left as they were.
 */
export async function recordPublished(destinationId: string, outcomes: readonly PublishOutcome[]): Promise<void> {
  const prisma = getPrisma();
  const confirmed = outcomes.filter((o) => o.action !== "failed");
  await prisma.$transaction([
    ...confirmed.map((o) =>
      prisma.publishedPost.upsert({
        where: { sessionId_destinationId: { sessionId: o.sessionId, destinationId } },
        create: { sessionId: o.sessionId, destinationId, remoteId: o.remoteId, contentHash: o.contentHash, url: o.url },
        update: { remoteId: o.remoteId, contentHash: o.contentHash, ...(o.url ? { url: o.url } : {}) },
      }),
    ),
    ...confirmed.flatMap((o) =>
      (o.media ?? []).map((m) =>
        prisma.publishedMedia.upsert({
          where: { destinationId_hash: { destinationId, hash: m.hash } },
          create: { destinationId, hash: m.hash, remoteId: m.remoteId, url: m.url },
          update: { remoteId: m.remoteId, url: m.url },
        }),
      ),
    ),
  ]);
}
