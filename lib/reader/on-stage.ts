const ROLE_ORDER = ["moderator", "panelist", "speaker"];

/**
 * The people a session credits as its speakers: moderator, panelists and
 * speakers, in that order and by panel position within a role. Audience
 * members who asked a question are not speakers: agenda lines, feed
 * summaries and page headers leave them out.
 */
export function onStage<P extends { role: string; position: number }>(people: readonly P[]): P[] {
  return people
    .filter((p) => ROLE_ORDER.includes(p.role))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.position - b.position);
}
