/**
 * Where in the recording a block is: whole seconds from the video's start to
 * the block's time `at`, given the instant the video's 0:00 shows
 * (`recordingStartsAt`, the session's start unless corrected). Null when
 * either is unknown or unreadable, or when the block comes before the
 * recording began (there is nothing to link to).
 */
export function recordingSecond(
  at: string | null | undefined,
  recordingStartsAt: string | null | undefined,
): number | null {
  if (!at || !recordingStartsAt) return null;
  const ms = Date.parse(at) - Date.parse(recordingStartsAt);
  if (Number.isNaN(ms) || ms < 0) return null;
  return Math.floor(ms / 1000);
}
