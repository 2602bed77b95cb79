import * as Y from "yjs";
import { AppError } from "../../lib/errors/app-error";
import { mapPersonRefs } from "../../lib/interchange/map-person-refs";
import { parseInterchange } from "../../lib/interchange/parse-interchange";
import { referencedPersonIds } from "../../lib/interchange/referenced-person-ids";
import {
  INTERCHANGE_FORMAT,
  PERSON_ROLES,
  SESSION_KINDS,
  type Block,
  type InterchangeConference,
  type InterchangePerson,
  type InterchangeSession,
  type PersonRole,
  type TalkNotesDocument,
} from "../../lib/interchange/types";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { notesToInterchange } from "../../lib/schema/notes-to-interchange";
import { getPrisma } from "../db/prisma";
import { getStores } from "../get-stores";
import { parseAliases } from "./parse-aliases";
import { sessionAuthors } from "./session-authors";

type PersonRow = {
  id: string;
  name: string;
  affiliation: string | null;
  note: string | null;
  handle: string | null;
  aliases: string;
};

/**
 * A session's notes as a talknotes/1 document, for exports.
 *
 * The blocks come from the readers' copy (`NotesDocument.contentJson`) when
 * it is a valid talknotes/1 document, else from the stored Yjs state (what
 * the editor holds). Conference, session and people always come from the
 * database, so a renamed session or corrected affiliation shows up without
 * an edit to the notes. A person the notes refer to who is no longer linked
 * to the session is still listed (from the conference, else from the stored
 * copy); a reference to nobody at all becomes unattributed rather than
 * failing the export. Throws AppError `not_found` for an unknown session.
 */
export async function loadSessionDocument(sessionId: string): Promise<TalkNotesDocument> {
  const prisma = getPrisma();
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    include: {
      conference: true,
      people: { include: { person: true }, orderBy: { position: "asc" } },
      notes: { select: { contentJson: true } },
    },
  });
  if (!session) throw new AppError("not_found", `No session with id "${sessionId}"`);

  const conference: InterchangeConference = {
    name: session.conference.name,
    location: session.conference.location,
    startsOn: session.conference.startsOn,
    hashtag: session.conference.hashtag,
    ...(session.conference.titleTemplate ? { titleTemplate: session.conference.titleTemplate } : {}),
  };
  const meta: InterchangeSession = {
    title: session.title,
    kind: (SESSION_KINDS as readonly string[]).includes(session.kind)
      ? (session.kind as InterchangeSession["kind"])
      : "other",
    intro: session.intro,
    startsAt: session.startsAt?.toISOString() ?? null,
    endsAt: session.endsAt?.toISOString() ?? null,
    room: session.room,
    track: session.track,
    slug: session.slug,
    recording: session.recordingUrl
      ? { url: session.recordingUrl, startsAt: session.recordingStartsAt?.toISOString() ?? null }
      : null,
  };
  const people = session.people.map((sp) => toPerson(sp.person, sp.role));

  const copy = readersCopy(session.notes?.contentJson);
  let blocks: Block[] = [];
  if (copy) blocks = copy.blocks;
  else if (session.notes) blocks = await blocksFromYjs(sessionId, { conference, session: meta, people });

  const listed = new Set(people.map((p) => p.id));
  const missing = [...referencedPersonIds(blocks)].filter((id) => !listed.has(id));
  if (missing.length > 0) {
    const rows = await prisma.person.findMany({ where: { conferenceId: session.conferenceId, id: { in: missing } } });
    for (const id of missing) {
      const stored = copy?.people.find((p) => p.id === id);
      const row = rows.find((r) => r.id === id);
      const person = row ? toPerson(row, stored?.role ?? "speaker") : stored;
      if (!person) continue;
      people.push(person);
      listed.add(id);
    }
  }

  const authors = (await sessionAuthors([sessionId], session.conferenceId)).get(sessionId);
  const known = mapPersonRefs(blocks, (id) => (listed.has(id) ? id : null));
  return {
    format: INTERCHANGE_FORMAT,
    conference,
    session: meta,
    people,
    blocks: known,
    ...(authors ? { authors } : {}),
  };
}

function readersCopy(json: string | undefined): TalkNotesDocument | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== INTERCHANGE_FORMAT)
      return null;
    return parseInterchange(value);
  } catch {
    // An unreadable copy is only a cache: the Yjs state is the source of truth.
    return null;
  }
}

async function blocksFromYjs(sessionId: string, meta: Omit<TalkNotesDocument, "format" | "blocks">): Promise<Block[]> {
  const { state } = await getStores().notes.load(sessionId);
  if (!state) return [];
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return notesToInterchange(notesFromYDoc(ydoc), meta).blocks;
}

function toPerson(row: PersonRow, role: string): InterchangePerson {
  const aliases = parseAliases(row.aliases);
  return {
    id: row.id,
    name: row.name,
    role: (PERSON_ROLES as readonly string[]).includes(role) ? (role as PersonRole) : "speaker",
    ...(row.affiliation ? { affiliation: row.affiliation } : {}),
    ...(row.note ? { note: row.note } : {}),
    ...(row.handle ? { handle: row.handle } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}
