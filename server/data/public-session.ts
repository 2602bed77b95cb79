import { AppError } from "../../lib/errors/app-error";
import { renderPublicNotes } from "../../lib/reader/render-public-notes";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { speakerStats } from "../../lib/reader/speaker-stats";
import { getPrisma } from "../db/prisma";
import { loadSessionDocument } from "./load-session-document";
import { sessionAuthors } from "./session-authors";

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
  // Everything the rendered notes depend on: a change to any of it renders them anew.
  const key = [
    session.notes?.updatedAt.getTime() ?? 0,
    session.updatedAt.getTime(),
    session.conference.updatedAt.getTime(),
    ...session.people.map((p) => `${p.personId}:${p.role}:${p.position}:${p.person.updatedAt.getTime()}`),
  ].join("|");
  let rendered = renderedNotes.get(session.id);
  if (rendered?.key !== key) {
    const document = await loadSessionDocument(session.id);
    rendered = {
      key,
      document,
      html: renderPublicNotes(document, session.conference.slug, session.id, {
        timeZone: session.conference.timezone,
        player: false,
      }),
      stats: speakerStats(document),
    };
    renderedNotes.delete(session.id);
    if (renderedNotes.size >= RENDERED_NOTES_KEPT) renderedNotes.delete(renderedNotes.keys().next().value!);
  } else {
    renderedNotes.delete(session.id); // re-inserted below: the map's order is least recently used first
  }
  renderedNotes.set(session.id, rendered);
  const authors = (await sessionAuthors([session.id], session.conferenceId)).get(session.id) ?? [];
  return {
    noteTakers: authors.map((a) => a.name),
    about: authors[0],
    session,
    conference: session.conference,
    document: rendered.document,
    html: rendered.html,
    stats: rendered.stats,
    version: String(session.notes?.updatedAt.getTime() ?? 0),
  };
}

/**
 * Rendered notes of recently read public sessions, so a page read by many is
 * rendered once per change rather than once per reader.
 */
const RENDERED_NOTES_KEPT = 200;
const renderedNotes = new Map<
  string,
  {
    key: string;
    document: Awaited<ReturnType<typeof loadSessionDocument>>;
    html: ReturnType<typeof renderPublicNotes>;
    stats: ReturnType<typeof speakerStats>;
  }
>();

/** The public session id for a slug pair, or null (drafts and unknown slugs alike). */
export async function findPublicSessionId(conferenceSlug: string, sessionSlug: string): Promise<string | null> {
  const session = await getPrisma().session.findFirst({
    where: { slug: sessionSlug, status: { in: PUBLIC }, conference: { slug: conferenceSlug } },
    select: { id: true },
  });
  return session?.id ?? null;
}
