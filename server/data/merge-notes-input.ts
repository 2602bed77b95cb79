import { z } from "zod";

/** What to merge into a session, how conflicts are settled, and what becomes of the merged-in session. */
export const MergeNotesInput = z.object({
  conferenceSlug: z.string().trim().min(1).max(100),
  sessionSlug: z.string().trim().min(1).max(200),
  /** Another session of the same conference (by slug), or a notes file: plain text, Markdown or talknotes/1 JSON. */
  from: z.union([
    z.object({ session: z.string().trim().min(1).max(200) }),
    z.object({
      text: z
        .string()
        .min(1, "The file is empty")
        .max(2 * 1024 * 1024),
      fileName: z.string().trim().max(200).optional(),
    }),
  ]),
  /** Conflict id -> which answer to keep; conflicts not listed keep both. */
  resolutions: z.record(z.string().max(400), z.enum(["left", "right", "both"])).default({}),
  /** False: only the preview. */
  apply: z.boolean().default(false),
  /** After applying, what happens to the merged-in session (only when merging a session). */
  afterwards: z.enum(["keep", "archive", "delete"]).default("keep"),
  /** Who took the file's notes, credited with the merge (a session's note-takers are known from its history). */
  noteTaker: z.string().trim().max(80).optional(),
  /** The account merging (display name), credited too. */
  author: z.string().trim().max(80).optional(),
});
export type MergeNotesInput = z.input<typeof MergeNotesInput>;
