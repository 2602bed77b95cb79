import { z } from "zod";
import { SESSION_KINDS } from "../../lib/interchange/types";

/** What a person types to create a session. */
export const SessionInput = z.object({
  title: z.string().trim().min(1, "Give the session a title").max(300, "Keep the title under 300 characters"),
  kind: z.enum(SESSION_KINDS).default("talk"),
  room: z.string().trim().max(100).optional().transform((v) => v || null),
  startsAt: z
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
    }),
  intro: z.string().max(5000).optional().transform((v) => v ?? ""),
});
export type SessionInput = z.input<typeof SessionInput>;
