import { getPrisma } from "../db/prisma";
import { getRuntime } from "../runtime";

/**
 * Who wrote each session's notes, for bylines: the display names recorded
 * on its revisions (everyone whose edits reached the server), plus, in the
 * running server, those who edited since the last revision. Names come in
 * the order they first wrote. Sessions nobody wrote in are absent.
 */
export async function noteTakers(sessionIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await getPrisma().revision.findMany({
    where: { sessionId: { in: [...sessionIds] } },
    orderBy: { createdAt: "asc" },
    select: { sessionId: true, authors: true },
  });
  const names = new Map<string, Set<string>>();
  const add = (sessionId: string, list: unknown) => {
    if (!Array.isArray(list)) return;
    const set = names.get(sessionId) ?? new Set<string>();
    for (const n of list) if (typeof n === "string" && n.trim()) set.add(n.trim());
    if (set.size) names.set(sessionId, set);
  };
  for (const row of rows) {
    try {
      add(row.sessionId, JSON.parse(row.authors));
    } catch {
      // A malformed authors column credits nobody rather than failing the page.
    }
  }
  const wanted = new Set(sessionIds);
  for (const room of getRuntime()?.collab.loadedRooms() ?? []) {
    if (wanted.has(room.sessionId)) add(room.sessionId, room.authorsSinceLastRevision());
  }
  return new Map([...names].map(([id, set]) => [id, [...set]]));
}
