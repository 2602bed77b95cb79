import { createConference } from "../../server/data/conferences";
import { createSession } from "../../server/data/sessions";

/**
 * Creates the DevOps Day conference and one panel session through the app's own
 * data functions. DATABASE_URL must point at the test database before the first call.
 */
export async function seedDevopsDay(title = "Making The Business Case") {
  const conference = await createConference({
    name: "DevOps Day",
    location: "Santa Clara, CA",
    startsOn: "2010-06-25",
    hashtag: "#DevOps Day",
  });
  const session = await createSession(conference.slug, { title, kind: "panel", room: "Main hall" });
  return { conference, session };
}
