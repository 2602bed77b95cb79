import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/**
 * What an import is asked to do: read `text` (an uploaded file's content) or
 * fetch `url`, into the conference `conferenceSlug` (or the conference the
 * schedule was imported into before, or a new one).
 */
export const ImportScheduleInput = z
  .object({
    /** The schedule file's content (size is checked by the reader, which names the limit). */
    text: z
      .string()
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
    /** The uploaded file's name; its extension breaks ties between JSON and XML. */
    filename: optionalText(300),
    /** Fetch the schedule from here (http or https). */
    url: optionalText(2000),
    /** Where `text` came from, recorded with the snapshot (set by callers that fetched it themselves). */
    sourceUrl: optionalText(2000),
    /** Import into this conference; otherwise the one this schedule was imported into before, else a new one. */
    conferenceSlug: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.text === undefined && v.url === undefined) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "Choose a schedule file or give its URL" });
    } else if (v.text !== undefined && v.url !== undefined) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "Give either a file or a URL, not both" });
    }
  });
export type ImportScheduleInput = z.input<typeof ImportScheduleInput>;
