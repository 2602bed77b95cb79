import { getConference } from "./conferences";
import { sessionsWithNotes } from "./sessions-with-notes";

/**
 * The conference workspace: the conference with its sessions in agenda
 * order and their people, and which sessions have notes (for the rows and
 * the publish dialog's counts). Throws not_found.
 */
export async function getWorkspace(slug: string) {
  const conference = await getConference(slug);
  const withNotes = await sessionsWithNotes(conference.sessions.map((s) => s.id));
  return { conference, withNotes };
}
