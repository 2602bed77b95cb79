import type { RecordingPlatform } from "./recording-platform";

/**
 * The platform's embeddable player for the video, starting at `second`, and
 * playing at once with `autoplay` (the reader clicked a time to hear it): YouTube's privacy-enhanced
 * domain, Vimeo's player, the PeerTube instance's embed, media.ccc.de's
 * oembed player. Loading a new URL into the player frame is how a click on a
 * bullet seeks it: no script of ours talks to the player.
 */
export function recordingEmbedUrl(
  recording: RecordingPlatform,
  second: number,
  options: { autoplay?: boolean } = {},
): string {
  const s = Math.max(0, Math.floor(second));
  const play = options.autoplay ? "&autoplay=1" : "";
  switch (recording.platform) {
    case "youtube":
      return `https://www.youtube-nocookie.com/embed/${recording.id}?start=${s}${play}`;
    case "vimeo":
      return `https://player.vimeo.com/video/${recording.id}?autoplay=${options.autoplay ? 1 : 0}#t=${s}s`;
    case "peertube":
      return `${recording.origin}/videos/embed/${recording.id}?start=${s}${play}`;
    case "mediaccc":
      return `https://media.ccc.de/v/${encodeURIComponent(recording.slug)}/oembed${options.autoplay ? "?autoplay=1" : ""}#t=${s}`;
  }
}
