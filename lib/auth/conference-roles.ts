/** A member's role in one conference, weakest first. */
export const CONFERENCE_ROLES = ["viewer", "editor", "owner"] as const;

/**
 * owner: everything, including members and invites; editor: write notes, sessions, people;
 * viewer: read drafts (read-only editor connection).
 */
export type ConferenceRole = (typeof CONFERENCE_ROLES)[number];

/** True when `role` grants at least what `needed` grants (owner > editor > viewer). */
export function roleAtLeast(role: ConferenceRole | null | undefined, needed: ConferenceRole): boolean {
  if (!role) return false;
  return CONFERENCE_ROLES.indexOf(role) >= CONFERENCE_ROLES.indexOf(needed);
}

/** Narrows an untrusted string to a role, or null. */
export function parseConferenceRole(value: unknown): ConferenceRole | null {
  return typeof value === "string" && (CONFERENCE_ROLES as readonly string[]).includes(value)
    ? (value as ConferenceRole)
    : null;
}
