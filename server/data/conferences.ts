import { AppError } from "../../lib/errors/app-error";
import { slugify } from "../../lib/text/slugify";
import { getPrisma } from "../db/prisma";
import { ConferenceInput } from "./conference-input";
import { parseInput } from "./parse-input";
import { unguessableSlug } from "./unguessable-slug";

/**
 * Conferences for the home page and the JSON API, newest first, with their session counts; `memberId`: only
 * those that user is a member of, each with that user's membership in `memberships` (none without `memberId`).
 */
export async function listConferences(options: { memberId?: string } = {}) {
  return getPrisma().conference.findMany({
    where: options.memberId ? { memberships: { some: { userId: options.memberId } } } : undefined,
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    include: {
      _count: { select: { sessions: true, people: true } },
      memberships: { where: { userId: options.memberId ?? "" }, select: { role: true } },
    },
  });
}

/** Creates a conference with a unique slug derived from its name (random suffix when taken); `ownerId` becomes its owner. */
export async function createConference(input: ConferenceInput, options: { ownerId?: string } = {}) {
  const data = parseInput(ConferenceInput, input);
  const prisma = getPrisma();
  const base = slugify(data.name, { fallback: "conference" });
  const slug = await unguessableSlug(base, async (s) => (await prisma.conference.count({ where: { slug: s } })) > 0);
  const memberships = options.ownerId ? { create: { userId: options.ownerId, role: "owner" } } : undefined;
  return prisma.conference.create({ data: { ...data, slug, memberships } });
}

/** A conference with its sessions in agenda order; throws not_found. */
export async function getConference(slug: string) {
  const conference = await getPrisma().conference.findUnique({
    where: { slug },
    include: {
      sessions: {
        orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
        include: { people: { include: { person: true }, orderBy: { position: "asc" } } },
      },
    },
  });
  if (!conference) throw new AppError("not_found", `No conference "${slug}"`);
  return conference;
}
