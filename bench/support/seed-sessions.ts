import { createConference } from "../../server/data/conferences";
import { createSession } from "../../server/data/sessions";

export interface SeededSessions {
  conferenceSlug: string;
  sessions: Array<{ id: string; slug: string; title: string }>;
}

/**
 * Creates a conference and its sessions through the app's own data functions
 * (as tests/support/seed.ts does). DATABASE_URL must point at the bench database.
 */
export async function seedSessions(conferenceName: string, titles: string[]): Promise<SeededSessions> {
  const conference = await createConference({ name: conferenceName, location: "Loopback", startsOn: "2026-01-15" });
  const sessions = [];
  for (const title of titles) {
    const s = await createSession(conference.slug, { title, kind: "panel", room: "Main hall" });
    sessions.push({ id: s.id, slug: s.slug, title: s.title });
  }
  return { conferenceSlug: conference.slug, sessions };
}
