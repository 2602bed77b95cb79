import { AppError } from "../../lib/errors/app-error";
import { wallTimeToInstant } from "../../lib/format/wall-time-to-instant";
import { slugify } from "../../lib/text/slugify";
import { getPrisma } from "../db/prisma";
import { parseInput } from "./parse-input";
import { SessionInput } from "./session-input";
import { uniqueSlug } from "./unique-slug";
import { RESERVED_SESSION_SLUGS } from "../../lib/reader/public-paths";

/** Creates a session in a conference, with a slug unique within it; a start time without an offset is read on the conference's clock. */
export async function createSession(conferenceSlug: string, input: SessionInput) {
  const prisma = getPrisma();
  const conference = await prisma.conference.findUnique({ where: { slug: conferenceSlug } });
  if (!conference) throw new AppError("not_found", `No conference "${conferenceSlug}"`);
  const data = parseInput(SessionInput, {
    ...input,
    startsAt: wallTimeToInstant(input.startsAt ?? "", conference.timezone),
  });
  const base = slugify(data.title, { fallback: "session" });
  const slug = await uniqueSlug(
    base,
    async (s) => (await prisma.session.count({ where: { conferenceId: conference.id, slug: s } })) > 0,
    RESERVED_SESSION_SLUGS,
  );
  return prisma.session.create({ data: { ...data, slug, conferenceId: conference.id }, include: { conference: true } });
}

/** A session with its conference and people in panel order; throws not_found. */
export async function getSession(conferenceSlug: string, sessionSlug: string) {
  const session = await getPrisma().session.findFirst({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
    include: {
      conference: true,
      people: { include: { person: true }, orderBy: { position: "asc" } },
    },
  });
  if (!session) throw new AppError("not_found", `No session "${sessionSlug}" in "${conferenceSlug}"`);
  return session;
}
