import { AppError } from "../../lib/errors/app-error";
import type { SessionStatus } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";
import { queueAutoPublish } from "./queue-auto-publish";
import { getRuntime } from "../runtime";
import { parseInput } from "./parse-input";
import { StatusInput } from "./publish-input";
import { sessionsWithNotes } from "./sessions-with-notes";

/** A session whose status changed. */
export interface StatusChange {
  slug: string;
  title: string;
  from: string;
  to: SessionStatus;
}

/**
 * Sets one session's status (draft -> live -> published -> archived; an
 * organiser may also step back). Throws not_found / invalid_input.
 */
export async function setSessionStatus(
  conferenceSlug: string,
  sessionSlug: string,
  status: StatusInput,
): Promise<StatusChange> {
  const to = parseInput(StatusInput, status);
  const prisma = getPrisma();
  const session = await prisma.session.findFirst({
    where: { slug: sessionSlug, conference: { slug: conferenceSlug } },
  });
  if (!session) throw new AppError("not_found", `No session "${sessionSlug}" in "${conferenceSlug}"`);
  if (session.status !== to) {
    await prisma.$transaction(async (tx) => {
      await tx.session.update({ where: { id: session.id }, data: { status: to } });
      if (to === "published") await queueAutoPublish(tx, session.conferenceId, [session.id]);
    });
  }
  afterChange([{ id: session.id, to }]);
  return { slug: session.slug, title: session.title, from: session.status, to };
}

/**
 * Sets the status of every session of a conference at once, in one
 * transaction: "publish all" moves drafts and live sessions to published and
 * leaves archived ones alone; "archive all" archives everything. `from`
 * limits which statuses change; `onlyWithNotes` leaves sessions nobody has
 * written in as they are (a schedule import brings dozens of empty ones).
 * Returns the sessions that changed.
 */
export async function setConferenceStatus(
  conferenceSlug: string,
  status: StatusInput,
  from?: readonly SessionStatus[],
  options: { onlyWithNotes?: boolean } = {},
): Promise<StatusChange[]> {
  const to = parseInput(StatusInput, status);
  const prisma = getPrisma();
  const conference = await prisma.conference.findUnique({ where: { slug: conferenceSlug }, select: { id: true } });
  if (!conference) throw new AppError("not_found", `No conference "${conferenceSlug}"`);
  const changes = await prisma.$transaction(async (tx) => {
    const candidates = await tx.session.findMany({
      where: { conferenceId: conference.id, status: { not: to, ...(from ? { in: [...from] } : {}) } },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, slug: true, title: true, status: true },
    });
    const written = options.onlyWithNotes
      ? await sessionsWithNotes(
          candidates.map((s) => s.id),
          tx,
        )
      : null;
    const sessions = written ? candidates.filter((s) => written.has(s.id)) : candidates;
    if (sessions.length)
      await tx.session.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { status: to } });
    if (to === "published")
      await queueAutoPublish(
        tx,
        conference.id,
        sessions.map((s) => s.id),
      );
    return sessions;
  });
  afterChange(changes.map((s) => ({ id: s.id, to })));
  return changes.map((s) => ({ slug: s.slug, title: s.title, from: s.status, to }));
}

/**
 * In the running server: open connections follow the new status at once
 * (CollabServer.accessChanged: public sockets of a session that is no longer
 * public are closed, writers of an archived session are closed so that they
 * reconnect read-only), and live readers get the new status, or have their
 * stream ended when the session is no longer public (LiveHub). The CLI runs
 * outside the server, which notices its changes to loaded rooms within 5 s
 * (CollabServer's status check). Automatic publishes the change queued
 * start now (AutoPublishWorker; the server's poll picks up the CLI's).
 */
function afterChange(changed: Array<{ id: string; to: SessionStatus }>): void {
  const runtime = getRuntime();
  if (!runtime) return;
  if (changed.some((c) => c.to === "published")) runtime.autoPublish.kick();
  for (const c of changed) {
    runtime.collab.accessChanged({ kind: "session-status", sessionId: c.id, status: c.to });
    runtime.live.changed(c.id);
  }
}
