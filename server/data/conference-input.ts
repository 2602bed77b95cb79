import { z } from "zod";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2010-06-25");

/** What a person types to create a conference. */
export const ConferenceInput = z.object({
  name: z.string().trim().min(1, "Give the conference a name").max(200, "Keep the name under 200 characters"),
  location: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null),
  startsOn: isoDate
    .optional()
    .or(z.literal(""))
    .transform((v) => v || null),
  hashtag: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  timezone: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || "UTC"),
});
export type ConferenceInput = z.input<typeof ConferenceInput>;
