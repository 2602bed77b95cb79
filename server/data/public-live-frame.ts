import { renderPublicNotes } from "../../lib/reader/render-public-notes";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";
import { loadSessionDocument } from "./load-session-document";

/** What a live reader receives on every change (the `data` of an SSE `notes` event). */
export interface LiveFrameData {
  /** Version of the readers' copy (NotesDocument.updatedAt, ms). */
  v: string;
  status: string;
  notes: string;
  chart: string;
  /** The "Key moments" list; "" when nothing is starred. */
  moments: string;
}

/**
 * The Server-Sent Event carrying a public session's current notes, rendered
 * server-side (escaped) so the reader's script only swaps HTML. Null when the
 * session is gone or no longer public. Built once per change for all readers
 * (server/live/live-hub.ts).
 */
export async function buildLiveFrame(sessionId: string): Promise<string | null> {
  const session = await getPrisma().session.findUnique({
    where: { id: sessionId },
    select: {
      status: true,
      conference: { select: { slug: true, timezone: true } },
      notes: { select: { updatedAt: true } },
    },
  });
  if (!session || !(PUBLIC_SESSION_STATUSES as readonly string[]).includes(session.status)) return null;
  const document = await loadSessionDocument(sessionId);
  const html = renderPublicNotes(document, session.conference.slug, sessionId, {
    timeZone: session.conference.timezone,
    player: false,
  });
  const v = String(session.notes?.updatedAt.getTime() ?? 0);
  const data: LiveFrameData = {
    v,
    status: session.status,
    notes: html.notes,
    chart: html.chart,
    moments: html.moments,
  };
  // JSON never contains a raw newline, so the whole payload is one `data:` line.
  return `event: notes\nid: ${v}\ndata: ${JSON.stringify(data)}\n\n`;
}
