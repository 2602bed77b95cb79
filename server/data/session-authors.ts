import type { InterchangeAuthor } from "../../lib/interchange/types";
import { getPrisma } from "../db/prisma";
import { noteTakers } from "./note-takers";

/**
 * The note-takers of each session with their author profiles, for bylines
 * and the "About the author" box: the names from noteTakers (revision
 * authors, in the order they first wrote), each joined to the account of
 * that name among those who can write in the conference (its members and
 * the instance admins). Revisions record names, not accounts, so a name two
 * such accounts share gets no profile rather than someone else's bio.
 */
export async function sessionAuthors(
  sessionIds: readonly string[],
  conferenceId: string,
): Promise<Map<string, InterchangeAuthor[]>> {
  const names = await noteTakers(sessionIds);
  const all = [...new Set([...names.values()].flat())];
  if (all.length === 0) return new Map();
  const users = await getPrisma().user.findMany({
    where: { name: { in: all }, OR: [{ isAdmin: true }, { memberships: { some: { conferenceId } } }] },
    select: { name: true, bio: true, link: true, avatarUrl: true },
  });
  const byName = new Map<string, (typeof users)[number] | null>();
  for (const u of users) byName.set(u.name, byName.has(u.name) ? null : u);
  const author = (name: string): InterchangeAuthor => {
    const u = byName.get(name);
    return {
      name,
      ...(u?.bio ? { bio: u.bio } : {}),
      ...(u?.link ? { link: u.link } : {}),
      ...(u?.avatarUrl ? { avatarUrl: u.avatarUrl } : {}),
    };
  };
  return new Map([...names].map(([id, list]) => [id, list.map(author)]));
}
