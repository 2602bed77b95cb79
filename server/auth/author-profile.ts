import { getPrisma } from "../db/prisma";
import { parseInput } from "../data/parse-input";
import { AuthorProfileInput } from "./author-profile-input";

/** What readers see of an account next to the notes it wrote. */
export interface AuthorProfile {
  name: string;
  bio: string | null;
  link: string | null;
  avatarUrl: string | null;
}

/** The account's author profile. */
export async function authorProfile(userId: string): Promise<AuthorProfile> {
  return getPrisma().user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, bio: true, link: true, avatarUrl: true },
  });
}

/**
 * Saves the account's display name, bio, link and avatar URL. The name is
 * the one recorded on revisions from now on (bylines credit the name each
 * revision was written under); the profile shows on every public page and
 * export whose byline names this account.
 */
export async function updateAuthorProfile(userId: string, input: AuthorProfileInput): Promise<AuthorProfile> {
  const data = parseInput(AuthorProfileInput, input);
  return getPrisma().user.update({
    where: { id: userId },
    data,
    select: { name: true, bio: true, link: true, avatarUrl: true },
  });
}
