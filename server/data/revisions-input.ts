import { z } from "zod";

/** A revision named on demand by a note-taker. */
export const NamedRevisionInput = z.object({
  name: z.string().trim().min(1, "Give the revision a name").max(120, "Keep the name under 120 characters"),
  /** The display name of whoever asked, recorded among the revision's authors. */
  author: z.string().trim().max(80).optional(),
});
export type NamedRevisionInput = z.input<typeof NamedRevisionInput>;

/** Who restored a revision (display name, optional). */
export const RestoreRevisionInput = z.object({
  author: z.string().trim().max(80).optional(),
});
export type RestoreRevisionInput = z.input<typeof RestoreRevisionInput>;
