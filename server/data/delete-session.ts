import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { getStores } from "../get-stores";
import { getRuntime } from "../runtime";

/**
 * Deletes a session with its notes, revisions and people links (the people
 * stay in the conference's directory). In the running server its editing
 * room is dropped first, closing every connection as "not found", so nothing
 * is written for it afterwards. Its search entries go (from the CLI too). Throws not_found.
 */
export async function deleteSession(
  conferenceSlug: string,
  sessionSlug: string,
): Promise<{ slug: string; title: string }> {
  const prisma = getPrisma();
  const session = await prisma.session.findFirst({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
    select: { id: true, slug: true, title: true },
  });
  if (!session) throw new AppError("not_found", `No session "${sessionSlug}" in "${conferenceSlug}"`);
  const runtime = getRuntime();
  runtime?.collab.dropRoom(session.id);
  await prisma.session.delete({ where: { id: session.id } });
  // Awaited: on PostgreSQL the index is asynchronous, and its entries must be gone when this returns.
  await getStores().search.indexSession(session.id, null, "");
  runtime?.live.changed(session.id);
  return { slug: session.slug, title: session.title };
}
