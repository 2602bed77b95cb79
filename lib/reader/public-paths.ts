const seg = (s: string) => encodeURIComponent(s);

/**
 * The public URL scheme, in one place (pages, feeds, sitemap, live frames and
 * search results all link through it). Paths only; callers add the origin
 * where an absolute URL is needed (feeds, canonical links).
 */
export const publicPaths = {
  conference: (conference: string) => `/c/${seg(conference)}`,
  session: (conference: string, session: string) => `/c/${seg(conference)}/${seg(session)}`,
  /** Server-Sent Events stream of a session's notes while it is read live. */
  live: (conference: string, session: string) => `/c/${seg(conference)}/${seg(session)}/live`,
  person: (conference: string, personId: string) => `/c/${seg(conference)}/people/${seg(personId)}`,
  feed: (conference: string) => `/c/${seg(conference)}/feed.xml`,
  /** The conference's notes as a blog: dated entries, newest first, paged (`?page=2`). */
  blog: (conference: string, page = 1) => `/c/${seg(conference)}/blog${page > 1 ? `?page=${page}` : ""}`,
  search: (conference: string, query?: string) =>
    `/c/${seg(conference)}/search${query ? `?q=${encodeURIComponent(query)}` : ""}`,
  /** A session's notes for an iframe on another site (the only pages that may be framed). */
  embed: (conference: string, session: string) => `/embed/${seg(conference)}/${seg(session)}`,
  /** Whatever session runs in a room now, for an iframe on another site; the room by its name as scheduled. */
  roomEmbed: (conference: string, room: string) => `/embed/${seg(conference)}/rooms/${seg(room)}`,
} as const;

/** Path prefix of every embed route: framing is allowed under it only (server/frame-policy.ts). */
export const EMBED_PATH_PREFIX = "/embed/";

/** Session slugs the public routes use for themselves (`/c/<conf>/people/...`, `/c/<conf>/search`, `/c/<conf>/blog`). */
export const RESERVED_SESSION_SLUGS: ReadonlySet<string> = new Set(["people", "search", "blog"]);
