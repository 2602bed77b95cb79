/**
 * Publishes the session and records a named revision crediting `authors`, as
 * the collab server does when note-takers save one: the public byline, the
 * feed's authors and the author pages come from it. DATABASE_URL must point
 * at the test database.
 */
export async function publishWithAuthors(
  conferenceSlug: string,
  sessionSlug: string,
  authors: string[],
  revisionName = "after",
): Promise<void> {
  const { setSessionStatus } = await import("../../server/data/publish-sessions");
  const { getPrisma } = await import("../../server/db/prisma");
  await setSessionStatus(conferenceSlug, sessionSlug, "published");
  const prisma = getPrisma();
  const session = await prisma.session.findFirstOrThrow({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
    include: { notes: true },
  });
  await prisma.revision.create({
    data: {
      sessionId: session.id,
      generation: session.notes!.generation,
      kind: "named",
      name: revisionName,
      state: Buffer.from([0, 0]),
      authors: JSON.stringify(authors),
    },
  });
}
