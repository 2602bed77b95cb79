import { recordRevisionAuthors } from "./record-revision-authors";

/**
 * Publishes the session and records a named revision crediting `authors`
 * (recordRevisionAuthors). DATABASE_URL must point at the test database.
 */
export async function publishWithAuthors(
  conferenceSlug: string,
  sessionSlug: string,
  authors: string[],
  revisionName = "after",
): Promise<void> {
  const { setSessionStatus } = await import("../../server/data/publish-sessions");
  await setSessionStatus(conferenceSlug, sessionSlug, "published");
  await recordRevisionAuthors(conferenceSlug, sessionSlug, authors, revisionName);
}
