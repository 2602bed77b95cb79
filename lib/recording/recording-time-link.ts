import type { RecordingPlatform } from "./recording-platform";

/**
 * The platform's own page of the video, opened at `second` (whole seconds
 * from the video's start), using each platform's time parameter:
 * YouTube `&t=125s`, Vimeo `#t=125s`, PeerTube `?start=125`, media.ccc.de `#t=125`.
 */
export function recordingTimeLink(recording: RecordingPlatform, second: number): string {
  const s = Math.max(0, Math.floor(second));
  switch (recording.platform) {
    case "youtube":
      return `https://www.youtube.com/watch?v=${recording.id}&t=${s}s`;
    case "vimeo":
      return `https://vimeo.com/${recording.id}#t=${s}s`;
    case "peertube":
      return `${recording.origin}/w/${recording.id}?start=${s}`;
    case "mediaccc":
      return `https://media.ccc.de/v/${encodeURIComponent(recording.slug)}#t=${s}`;
  }
}
