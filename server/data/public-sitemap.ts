import { publicPaths } from "../../lib/reader/public-paths";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";

/** One URL of the sitemap (path only; the caller adds the origin). */
export interface SitemapPath {
  path: string;
  lastModified: Date;
}

/**
 * Every public page: each conference with a public session, its public
 * sessions, and the people attributed in them (their speaker pages).
 */
export async function publicSitemapPaths(): Promise<SitemapPath[]> {
  const sessions = await getPrisma().session.findMany({
    where: { status: { in: [...PUBLIC_SESSION_STATUSES] } },
    select: {
      slug: true,
      updatedAt: true,
      conference: { select: { slug: true } },
      notes: { select: { updatedAt: true } },
      people: { select: { personId: true } },
    },
    orderBy: [{ conferenceId: "asc" }, { startsAt: "asc" }],
  });
  const out = new Map<string, SitemapPath>();
  const add = (path: string, lastModified: Date) => {
    const seen = out.get(path);
    if (!seen || seen.lastModified < lastModified) out.set(path, { path, lastModified });
  };
  for (const s of sessions) {
    const changed = s.notes && s.notes.updatedAt > s.updatedAt ? s.notes.updatedAt : s.updatedAt;
    add(publicPaths.conference(s.conference.slug), changed);
    add(publicPaths.session(s.conference.slug, s.slug), changed);
    for (const p of s.people) add(publicPaths.person(s.conference.slug, p.personId), changed);
  }
  return [...out.values()];
}
