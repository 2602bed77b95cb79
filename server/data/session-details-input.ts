import { z } from "zod";
import { SessionRoom, SessionTime, SessionTitle } from "./session-input";

/**
 * What an editor changes on a session's details page. The kind and the
 * people on stage live in the shared notes document and are edited there
 * (the session header in the editor), so that co-editors see them at once.
 */
export const SessionDetailsInput = z
  .object({ title: SessionTitle, room: SessionRoom, startsAt: SessionTime, endsAt: SessionTime })
  .refine((v) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt, { message: "The end must be after the start", path: ["endsAt"] });
export type SessionDetailsInput = z.input<typeof SessionDetailsInput>;
