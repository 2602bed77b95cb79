import { recordingPlatform } from "../recording/recording-platform";

/**
 * The session's recording among the URLs a schedule gives for it (its
 * `links`, a `video_url`, a `recording` field), in the file's order: the
 * first that is a video page Talknotes links into (YouTube, Vimeo, PeerTube,
 * media.ccc.de). Slides, the session's own page and other links are not.
 */
export function pickRecordingUrl(candidates: ReadonlyArray<string | undefined>): string | undefined {
  for (const url of candidates) {
    if (url && url.length <= 2000 && recordingPlatform(url)) return url.trim();
  }
  return undefined;
}
