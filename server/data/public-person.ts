import { AppError } from "../../lib/errors/app-error";
import { INTERCHANGE_FORMAT, type TalkNotesDocument } from "../../lib/interchange/types";
import { type ReaderEntry, readerEntries } from "../../lib/reader/reader-entries";
import { PUBLIC_SESSION_STATUSES } from "../../lib/reader/session-status";
import { getPrisma } from "../db/prisma";

/**
 * A speaker's page: the person, and everything the public notes of their
 * conference attribute to them (statements, continuations, questions they
 * asked), grouped by session in agenda order, each with the thread it
 * answered. Sessions they are listed on but said nothing in are listed too.
 * not_found for an unknown person, a person of another conference, or one
 * who appears in no public session.
 */
export async function getPublicPerson(conferenceSlug: string, personId: string) {
  const prisma = getPrisma();
  const person = await prisma.person.findFirst({
    where: { id: personId, conference: { slug: conferenceSlug } },
    include: { conference: true },
  });
  if (!person) throw new AppError("not_found", `No person "${personId}" in "${conferenceSlug}"`);
  const sessions = await prisma.session.findMany({
    where: { conferenceId: person.conferenceId, status: { in: [...PUBLIC_SESSION_STATUSES] } },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      startsAt: true,
      room: true,
      notes: { select: { contentJson: true } },
      people: { where: { personId }, select: { role: true } },
    },
  });
  const groups: Array<{ session: (typeof sessions)[number]; role: string | null; entries: ReaderEntry[] }> = [];
  for (const session of sessions) {
    const doc = parseCopy(session.notes?.contentJson ?? "");
    const entries = doc
      ? readerEntries(doc).filter((e) => e.speaker === personId && (e.type === "statement" || e.type === "question"))
      : [];
    const role = session.people[0]?.role ?? null;
    if (entries.length > 0 || role !== null) groups.push({ session, role, entries });
  }
  if (groups.length === 0) throw new AppError("not_found", `No public notes of "${personId}" in "${conferenceSlug}"`);
  return { person, conference: person.conference, groups };
}

function parseCopy(json: string): TalkNotesDocument | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as TalkNotesDocument;
    return value?.format === INTERCHANGE_FORMAT && Array.isArray(value.blocks) ? value : null;
  } catch {
    return null;
  }
}
