import { createAccessToken } from "../../server/auth/access-tokens";
import { createUserAccount } from "../../server/auth/accounts";
import { createConference } from "../../server/data/conferences";
import { setSessionStatus } from "../../server/data/publish-sessions";
import { createSession } from "../../server/data/sessions";

export interface SeededSessions {
  conferenceSlug: string;
  sessions: Array<{ id: string; slug: string; title: string }>;
  /** A personal access token of the conference's owner: editors connect with `?token=`. */
  token: string;
}

/** The bench run's account (its conferences' owner), for browsers that sign in through the form. */
export const BENCH_ACCOUNT = {
  name: "Bench Owner",
  email: "bench@talknotes.invalid",
  password: "bench-password-0123456789",
};

let owner: Promise<{ id: string; token: string }> | null = null;

/** One account per bench run (the instance's first, so its admin) and its access token. */
function benchOwner(): Promise<{ id: string; token: string }> {
  owner ??= (async () => {
    const user = await createUserAccount(BENCH_ACCOUNT);
    const { token } = await createAccessToken(user.id, { name: "bench" });
    return { id: user.id, token };
  })();
  return owner;
}

/**
 * Creates a conference owned by the bench account and its sessions through
 * the app's own data functions (as tests/support/seed.ts does), optionally
 * setting their status (`live` lets the public connect read-only).
 * DATABASE_URL must point at the bench database.
 */
export async function seedSessions(
  conferenceName: string,
  titles: string[],
  status?: "live" | "published",
): Promise<SeededSessions> {
  const { id: ownerId, token } = await benchOwner();
  const conference = await createConference(
    { name: conferenceName, location: "Loopback", startsOn: "2026-01-15" },
    { ownerId },
  );
  const sessions = [];
  for (const title of titles) {
    const s = await createSession(conference.slug, { title, kind: "panel", room: "Main hall" });
    if (status) await setSessionStatus(conference.slug, s.slug, status);
    sessions.push({ id: s.id, slug: s.slug, title: s.title });
  }
  return { conferenceSlug: conference.slug, sessions, token };
}
