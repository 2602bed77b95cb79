/** Session ids are cuid-like: letters, digits, `_` and `-`, at most 64 characters. */
const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The session id addressed by a `/collab/<sessionId>` path, or null when malformed. */
export function parseCollabPath(pathname: string): string | null {
  const prefix = "/collab/";
  if (!pathname.startsWith(prefix)) return null;
  const id = pathname.slice(prefix.length);
  return ROOM_ID.test(id) ? id : null;
}
