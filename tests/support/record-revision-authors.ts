/**
 * Records a revision of the session's current notes crediting `authors`
 * (named `name`, if given), as the collab server does when note-takers save
 * one: the public byline, the feed's authors and the author pages come from
 * it. DATABASE_URL must point at the test database.
 */
export async function recordRevisionAuthors(
  conferenceSlug: string,
  sessionSlug: string,
  authors: string[],
  name?: string,
): Promise<void> {
  const { getPrisma } = await import("../../server/db/prisma");
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
      name,
      state: Buffer.from([0, 0]),
      authors: JSON.stringify(authors),
    },
  });
}
