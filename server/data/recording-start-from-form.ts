import { AppError } from "../../lib/errors/app-error";
import { instantToWallTime } from "../../lib/format/instant-to-wall-time";
import { wallTimeToInstant } from "../../lib/format/wall-time-to-instant";
import { parseVideoPosition } from "../../lib/recording/parse-video-position";
import { recordingStartFromSyncPoint } from "../../lib/recording/recording-start-from-sync-point";

/**
 * The recording's start from a details form's sync point: the note time
 * (`HH:MM[:SS]`, the conference's wall clock on the session's day) and where
 * that note is in the video. Undefined when no sync point was given (the
 * stored start stays); throws invalid_input for half a sync point or an
 * unreadable one.
 */
export function recordingStartFromForm(
  input: { syncNoteTime?: string; syncVideoPosition?: string },
  session: { startsAt: Date | null; conferenceStartsOn: string | null },
  timeZone: string,
): Date | undefined {
  const noteTime = input.syncNoteTime?.trim() ?? "";
  const position = input.syncVideoPosition?.trim() ?? "";
  if (!noteTime && !position) return undefined;
  const fail = (field: string, message: string) => new AppError("invalid_input", message, { [field]: message });
  if (!/^\d{1,2}:\d{2}(:\d{2})?$/.test(noteTime))
    throw fail("syncNoteTime", "Give the note's time like 14:05 or 14:05:30");
  const seconds = parseVideoPosition(position);
  if (seconds === null) throw fail("syncVideoPosition", "Give the position in the video like 14:05 or 1:02:03");
  const day = session.startsAt
    ? instantToWallTime(session.startsAt, timeZone).slice(0, 10)
    : session.conferenceStartsOn;
  if (!day) throw fail("syncNoteTime", "Set the session's start first: the note's time needs a day");
  const [h, m, s] = noteTime.split(":");
  const at = wallTimeToInstant(`${day}T${h!.padStart(2, "0")}:${m}:${s ?? "00"}`, timeZone);
  const start = recordingStartFromSyncPoint(at, seconds);
  if (!start) throw fail("syncNoteTime", "Give the note's time like 14:05 or 14:05:30");
  return new Date(start);
}
