import { AppError } from "../../lib/errors/app-error";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";

/**
 * A conference as the public sees it: its public sessions (live, published,
 * archived) in agenda order with their people. A conference with no public
 * session yet is not_found, like an unknown slug: its draft agenda is not
 * the public's business.
 */
export async function getPublicConference(slug: string) {
  const conference = await getPrisma().conference.findUnique({
    where: { slug },
    include: {
      sessions: {
        where: { status: { in: [...PUBLIC_SESSION_STATUSES] } },
        orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
        include: { people: { include: { person: true }, orderBy: { position: "asc" } } },
      },
    },
  });
  if (!conference || conference.sessions.length === 0)
    throw new AppError("not_found", `No public conference "${slug}"`);
  return conference;
}
