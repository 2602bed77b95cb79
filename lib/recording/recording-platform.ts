/** A recording URL read: which platform, and what that platform needs to link into and embed the video. */
export type RecordingPlatform =
  | { platform: "youtube"; id: string }
  | { platform: "vimeo"; id: string }
  | { platform: "peertube"; origin: string; id: string }
  | { platform: "mediaccc"; slug: string };

const YOUTUBE_HOSTS = new Set([
  "youtube.com",
  "www.youtube.com",
  "m.youtube.com",
  "youtube-nocookie.com",
  "www.youtube-nocookie.com",
]);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_HOSTS = new Set(["vimeo.com", "www.vimeo.com", "player.vimeo.com"]);
const PEERTUBE_ID = /^[A-Za-z0-9-]{8,64}$/;
const MEDIACCC_SLUG = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,200}$/;

/**
 * Which video platform `url` is a video page of: YouTube (watch, youtu.be,
 * live, shorts, embed), Vimeo (a numeric video, also player.vimeo.com),
 * any PeerTube instance (`/w/<id>`, `/videos/watch/<uuid>`, `/videos/embed/…`)
 * or media.ccc.de (`/v/<slug>`). Only https (or http) URLs without
 * credentials count; anything else, including other sites, is null, which
 * is how forms and readers validate a recording URL.
 */
export function recordingPlatform(url: string): RecordingPlatform | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || parsed.username || parsed.password) return null;
  const host = parsed.hostname.toLowerCase();
  const parts = parsed.pathname.split("/").filter(Boolean);
  if (YOUTUBE_HOSTS.has(host) || host === "youtu.be") {
    const id =
      host === "youtu.be"
        ? parts[0]
        : parts[0] === "watch" && parts.length === 1
          ? parsed.searchParams.get("v")
          : ["live", "shorts", "embed", "v"].includes(parts[0] ?? "")
            ? parts[1]
            : null;
    return id && YOUTUBE_ID.test(id) ? { platform: "youtube", id } : null;
  }
  if (VIMEO_HOSTS.has(host)) {
    const id =
      host === "player.vimeo.com" ? (parts[0] === "video" ? parts[1] : undefined) : parts.find((p) => /^\d+$/.test(p));
    return id && /^\d{1,12}$/.test(id) ? { platform: "vimeo", id } : null;
  }
  if (host === "media.ccc.de") {
    return parts[0] === "v" && parts[1] && MEDIACCC_SLUG.test(parts[1])
      ? { platform: "mediaccc", slug: parts[1] }
      : null;
  }
  const peertubeId =
    parts[0] === "w" && parts.length === 2
      ? parts[1]
      : parts[0] === "videos" && (parts[1] === "watch" || parts[1] === "embed") && parts.length === 3
        ? parts[2]
        : undefined;
  if (peertubeId && PEERTUBE_ID.test(peertubeId) && parts[1] !== "p")
    return { platform: "peertube", origin: parsed.origin, id: peertubeId };
  return null;
}
