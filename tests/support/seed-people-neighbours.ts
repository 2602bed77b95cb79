/**
 * Beside a seeded conference's panel, for the people-mirror tests: a second
 * session of the conference ("Ignite Talks #2") and a person of another
 * conference ("Not Yours"), whose id a hostile client may name. DATABASE_URL
 * must point at the test database.
 */
export async function seedPeopleNeighbours(
  conferenceSlug: string,
): Promise<{ otherId: string; foreignPersonId: string }> {
  const { createSession } = await import("../../server/data/sessions");
  const { createConference } = await import("../../server/data/conferences");
  const { getPrisma } = await import("../../server/db/prisma");
  const otherId = (await createSession(conferenceSlug, { title: "Ignite Talks #2", kind: "ignite" })).id;
  const elsewhere = await createConference({ name: "Another Conference" });
  const foreignPersonId = (await getPrisma().person.create({ data: { conferenceId: elsewhere.id, name: "Not Yours" } }))
    .id;
  return { otherId, foreignPersonId };
}
