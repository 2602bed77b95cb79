import { hasNotes } from "../../lib/reader/has-notes";
import type { TalkNotesDocument } from "../../lib/interchange/types";
import { getPrisma } from "../db/prisma";

type Db = Pick<ReturnType<typeof getPrisma>, "notesDocument">;

/**
 * Ids of the sessions among `sessionIds` that have notes written in them,
 * judged from their readers' copy (kept current as people type, within a
 * second or two). A copy that cannot be read counts as notes: better to
 * offer it for publishing than to hide written work.
 */
export async function sessionsWithNotes(sessionIds: readonly string[], db: Db = getPrisma()): Promise<Set<string>> {
  const rows = await db.notesDocument.findMany({
    where: { sessionId: { in: [...sessionIds] } },
    select: { sessionId: true, contentJson: true },
  });
  const found = new Set<string>();
  for (const row of rows) {
    if (!row.contentJson) continue;
    let copy: Pick<TalkNotesDocument, "blocks"> | null;
    try {
      copy = JSON.parse(row.contentJson) as TalkNotesDocument;
    } catch {
      copy = null;
    }
    if (!copy || !Array.isArray(copy.blocks) || hasNotes(copy)) found.add(row.sessionId);
  }
  return found;
}
