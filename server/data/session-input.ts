import { z } from "zod";
import { SESSION_KINDS } from "../../lib/interchange/types";
import { recordingPlatform } from "../../lib/recording/recording-platform";

/** What a person types to create a session. */
/** Longest session title, in characters; forms say so rather than cutting a title short. */
export const MAX_SESSION_TITLE = 300;

/** A session title: required, at most MAX_SESSION_TITLE characters (the message says how long it was). */
export const SessionTitle = z
  .string()
  .trim()
  .min(1, "Give the session a title")
  .max(MAX_SESSION_TITLE, {
    error: (issue) =>
      `Titles can be up to ${MAX_SESSION_TITLE} characters; this one has ${String(issue.input ?? "").length}`,
  });

/** An optional date-time with an offset (forms convert typed wall times first, see wallTimeToInstant). */
export const SessionTime = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "Use a date and time like 2010-06-25T10:30" });
      return z.NEVER;
    }
    return d;
  });

/** An optional room name. */
export const SessionRoom = z
  .string()
  .trim()
  .max(100, "Keep the room under 100 characters")
  .optional()
  .transform((v) => v || null);

/**
 * A recording's URL: absent leaves it as it is, "" removes it, anything else
 * must be a video page of a platform the reader links into (recordingPlatform).
 */
export const SessionRecordingUrl = z
  .string()
  .trim()
  .max(2000, "Keep the recording URL under 2000 characters")
  .optional()
  .refine(
    (v) => !v || recordingPlatform(v) !== null,
    "Use the video's page on YouTube, Vimeo, a PeerTube instance or media.ccc.de",
  )
  .transform((v) => (v === undefined ? undefined : v || null));

export const SessionInput = z.object({
  title: SessionTitle,
  kind: z.enum(SESSION_KINDS).default("talk"),
  room: SessionRoom,
  startsAt: SessionTime,
  intro: z
    .string()
    .max(5000)
    .optional()
    .transform((v) => v ?? ""),
});
export type SessionInput = z.input<typeof SessionInput>;
