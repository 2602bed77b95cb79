import { RESERVED_SESSION_SLUGS } from "./public-paths";
import { parseEmbedTheme } from "./embed-theme";

/** What a URL of this site can be embedded as. */
export type EmbedTarget = (
  { kind: "session"; conference: string; session: string } | { kind: "room"; conference: string; room: string }
) & {
  /** The embed's theme parameters found on the URL (validated), as a query string ("" or "?theme=dark"). */
  query: string;
};

/**
 * Which embed a URL names, for oEmbed: a public session page
 * (`/c/<conference>/<session>`), a session embed (`/embed/<conference>/<session>`)
 * or a room embed (`/embed/<conference>/rooms/<room>`), on this site's
 * `origin` only. Null for anything else: another site, another page, a URL
 * that does not parse. Whether the session exists and is public is the
 * caller's to check.
 */
export function embedTarget(url: string, origin: string): EmbedTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(origin).origin) return null;
  let parts: string[];
  try {
    parts = parsed.pathname.replace(/\/+$/, "").split("/").slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (parts.some((p) => p === "")) return null;
  const { theme, accent } = parseEmbedTheme(parsed.searchParams);
  const params = new URLSearchParams();
  if (theme) params.set("theme", theme);
  if (accent) params.set("accent", accent.slice(1));
  const query = params.size ? `?${params}` : "";
  const [first, conference, second, third] = parts;
  if (first === "c" && parts.length === 3 && !RESERVED_SESSION_SLUGS.has(second!))
    return { kind: "session", conference: conference!, session: second!, query };
  if (first === "embed" && parts.length === 3)
    return { kind: "session", conference: conference!, session: second!, query };
  if (first === "embed" && parts.length === 4 && second === "rooms")
    return { kind: "room", conference: conference!, room: third!, query };
  return null;
}
