/**
 * The instant a recording's 0:00 shows, from one sync point: a block written
 * at `blockAt` is heard at `videoSecond` seconds into the video ("this bullet
 * is at 14:05 in the video"). ISO 8601 in UTC; null when `blockAt` is
 * unreadable or the position negative.
 */
export function recordingStartFromSyncPoint(blockAt: string, videoSecond: number): string | null {
  const at = Date.parse(blockAt);
  if (Number.isNaN(at) || !Number.isFinite(videoSecond) || videoSecond < 0) return null;
  return new Date(at - Math.round(videoSecond * 1000)).toISOString();
}
