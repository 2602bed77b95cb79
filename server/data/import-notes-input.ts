import { z } from "zod";
import { MAX_NOTES_BYTES } from "../../lib/import/import-error";

/** A conference slug as the app makes them: lowercase letters, digits and single hyphens. */
export const ConferenceSlug = z
  .string()
  .trim()
  .min(1, "Name the conference with --conference <slug>")
  .max(100, "Keep the conference slug under 100 characters")
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Use a conference slug of lowercase letters, digits and hyphens, like devopsday-2010",
  );

const NotesText = z
  .string()
  .max(MAX_NOTES_BYTES, "The notes are larger than 5 MB; split them into one file per session.");

/**
 * Notes to import into one conference (created from the notes' header when the
 * slug is new): the text as written, or a talknotes/1 document — e.g. the
 * import dialog's preview after a person corrected its attributions.
 */
export const ImportNotesInput = z.union([
  z.object({ conferenceSlug: ConferenceSlug, text: NotesText }),
  z.object({
    conferenceSlug: ConferenceSlug,
    document: z.unknown(),
    warnings: z.array(z.string()).max(1000).optional(),
  }),
]);
export type ImportNotesInput = z.input<typeof ImportNotesInput>;
