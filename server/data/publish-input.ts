import { z } from "zod";
import { SESSION_STATUSES } from "../../lib/reader/session-status";

/** A status an organiser sets on a session or a whole conference. */
export const StatusInput = z.enum(SESSION_STATUSES, { message: `Use one of: ${SESSION_STATUSES.join(", ")}` });
export type StatusInput = z.input<typeof StatusInput>;
