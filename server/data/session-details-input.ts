import { z } from "zod";
import { SessionRecordingUrl, SessionRoom, SessionTime, SessionTitle } from "./session-input";

/**
 * What an editor changes on a session's details page. The kind and the
 * people on stage live in the shared notes document and are edited there
 * (the session header in the editor), so that co-editors see them at once.
 */
export const SessionDetailsInput = z
  .object({
    title: SessionTitle,
    room: SessionRoom,
    startsAt: SessionTime,
    endsAt: SessionTime,
    recordingUrl: SessionRecordingUrl,
    /**
     * One sync point: a note said at `syncNoteTime` (the conference's wall
     * clock, `HH:MM[:SS]` on the session's day) is at `syncVideoPosition`
     * (`14:05`, `1:02:03`) in the video. Both or neither; "reset" goes back to
     * the schedule's start.
     */
    syncNoteTime: z.string().trim().max(20).optional(),
    syncVideoPosition: z.string().trim().max(20).optional(),
    syncReset: z.boolean().optional(),
    /** The instant the video's 0:00 shows, directly (the JSON API); null: the session's start. */
    recordingStartsAt: z.iso
      .datetime({ offset: true, message: "Use an ISO date-time with offset for the recording's start" })
      .nullable()
      .optional(),
  })
  .refine((v) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt, {
    message: "The end must be after the start",
    path: ["endsAt"],
  });
export type SessionDetailsInput = z.input<typeof SessionDetailsInput>;
