import { AppError } from "../../lib/errors/app-error";
import { renderPublicNotes } from "../../lib/reader/render-public-notes";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { speakerStats } from "../../lib/reader/speaker-stats";
import { getPrisma } from "../db/prisma";
import { loadSessionDocument } from "./load-session-document";

const PUBLIC = [...PUBLIC_SESSION_STATUSES];

/**
 * A public session page's data: the session, its conference and people, the
 * readers' copy as talknotes/1 and rendered reader HTML (notes and chart).
 * Drafts and unknown slugs are both not_found, so the public cannot tell a
 * draft exists. `version` identifies the readers' copy (live readers skip a
 * frame they already show).
 */
export async function getPublicSession(conferenceSlug: string, sessionSlug: string) {
  const session = await getPrisma().session.findFirst({
    where: { slug: sessionSlug, status: { in: PUBLIC }, conference: { slug: conferenceSlug } },
    include: {
      conference: true,
      people: { include: { person: true }, orderBy: { position: "asc" } },
      notes: { select: { updatedAt: true } },
    },
  });
  if (!session) throw new AppError("not_found", `No public session "${sessionSlug}" in "${conferenceSlug}"`);
  const document = await loadSessionDocument(session.id);
  const html = renderPublicNotes(document, session.conference.slug);
  return {
    session,
    conference: session.conference,
    document,
    html,
    stats: speakerStats(document),
    version: String(session.notes?.updatedAt.getTime() ?? 0),
  };
}

/** The public session id for a slug pair, or null (drafts and unknown slugs alike). */
export async function findPublicSessionId(conferenceSlug: string, sessionSlug: string): Promise<string | null> {
  const session = await getPrisma().session.findFirst({
    where: { slug: sessionSlug, status: { in: PUBLIC }, conference: { slug: conferenceSlug } },
    select: { id: true },
  });
  return session?.id ?? null;
}
