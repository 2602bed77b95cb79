/** What a presence entry may show of a person: a display name and a caret colour. */
export interface PresenceUser {
  name: string;
  color: string | null;
}

/** Longest display name shown in presence lists and caret labels. */
export const MAX_PRESENCE_NAME = 80;
// #rgb or #rrggbb only: a colour is interpolated into CSS (caret borders, avatar dots), where
// anything else (`url(...)`, `var(...)`, `red; background: ...`) could load or restyle things.
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
// Control and bidirectional-override characters: a name must read the same way it is stored.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The `user` of an awareness state as it may be shown, or null when it has no
 * usable name. Used where presence is accepted (the collab server rewrites
 * every state it relays) and where it is rendered (the editor's presence list
 * and carets), so a state from an older server or another client is safe too.
 */
export function sanitizePresenceUser(user: unknown): PresenceUser | null {
  if (typeof user !== "object" || user === null) return null;
  const { name, color } = user as { name?: unknown; color?: unknown };
  if (typeof name !== "string") return null;
  const clean = name.replace(INVISIBLE, "").replace(/\s+/g, " ").trim().slice(0, MAX_PRESENCE_NAME);
  if (clean === "") return null;
  return { name: clean, color: typeof color === "string" && COLOR.test(color) ? color.toLowerCase() : null };
}
