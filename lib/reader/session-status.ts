/** The publishing workflow of a session, in order: `Session.status` holds one of these. */
export const SESSION_STATUSES = ["draft", "live", "published", "archived"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * Statuses the public may read. Drafts are private; an archived session stays
 * readable (read-only after the event), it only stops taking edits.
 */
export const PUBLIC_SESSION_STATUSES: readonly SessionStatus[] = ["live", "published", "archived"];
