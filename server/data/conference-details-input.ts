import { z } from "zod";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2010-06-25")
  .optional()
  .or(z.literal(""))
  .transform((v) => v || null);

/** A zone the server can show times in (an IANA name such as Europe/Berlin). */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What an owner changes on a conference's details page. The slug stays: public links keep working. */
export const ConferenceDetailsInput = z
  .object({
    name: z.string().trim().min(1, "Give the conference a name").max(200, "Keep the name under 200 characters"),
    location: z
      .string()
      .trim()
      .max(200, "Keep the location under 200 characters")
      .optional()
      .transform((v) => v || null),
    startsOn: isoDate,
    endsOn: isoDate,
    timezone: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || "UTC")
      .refine(knownZone, { message: "Use a time zone name like Europe/Berlin or America/New_York" }),
    hashtag: z
      .string()
      .trim()
      .max(100, "Keep the hashtag under 100 characters")
      .optional()
      .transform((v) => v || null),
    titleTemplate: z
      .string()
      .trim()
      .max(200, "Keep the title template under 200 characters")
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: "The last day cannot be before the first",
    path: ["endsOn"],
  });
export type ConferenceDetailsInput = z.input<typeof ConferenceDetailsInput>;
