import * as Y from "yjs";
import { PEOPLE_MAP, SESSION_MAP, SessionPersonEntry } from "../../lib/collab/session-people";
import { slugify } from "../../lib/text/slugify";
import { AppError } from "../../lib/errors/app-error";
import { importNotes } from "../../lib/import/import-notes";
import type { ImportGuess } from "../../lib/import/import-guess";
import { mapPersonRefs } from "../../lib/interchange/map-person-refs";
import { imageLinkOfNote, type MarkdownImageLink, markdownImageLinks } from "../../lib/import/markdown-image-links";
import { type ProcessedImage, processImage } from "../images/process-image";
import { prismaImageStore } from "../images/prisma-image-store";
import { IMAGE_LIMITS } from "../../lib/images/image-limits";
import { parseInterchange } from "../../lib/interchange/parse-interchange";
import { nestedBlocks } from "../../lib/interchange/nested-blocks";
import type {
  Block,
  InterchangeConference,
  InterchangePerson,
  PersonRole,
  TalkNotesDocument,
} from "../../lib/interchange/types";
import { withChildBlocks } from "../../lib/interchange/with-child-blocks";
import { interchangeToNotes } from "../../lib/schema/interchange-to-notes";
import { seedYDocFromNotes } from "../../lib/schema/seed-ydoc-from-notes";
import { getPrisma } from "../db/prisma";
import { getStores } from "../get-stores";
import { ConferenceInput } from "./conference-input";
import { ImportNotesInput } from "./import-notes-input";
import { parseInput } from "./parse-input";
import { SessionInput } from "./session-input";
import { uniqueSlug } from "./unique-slug";
import { parseAliases } from "./parse-aliases";
import { RESERVED_SESSION_SLUGS } from "../../lib/reader/public-paths";

/** How an import finds the files of the Markdown image links in the notes. */
export interface ImportPhotosOption {
  /** The bytes of the file an image link names (e.g. beside the notes file), or null when there is none. */
  photo?: (src: string) => Promise<Uint8Array | null>;
}

/**
 * The blocks with every note that is exactly a Markdown image link whose file
 * is given turned into a photo (processed like an upload, kept in `photos`
 * to store once the session exists). A link without a file, or whose file is
 * refused, stays text, with a warning saying why.
 */
async function withPhotos(
  blocks: readonly Block[],
  links: readonly MarkdownImageLink[],
  photo: (src: string) => Promise<Uint8Array | null>,
  photos: Map<string, ProcessedImage>,
  warnings: string[],
): Promise<Block[]> {
  const out: Block[] = [];
  for (const block of blocks) {
    const link = block.type === "note" && block.children.length === 0 ? imageLinkOfNote(block.text, links) : null;
    if (!link) {
      out.push(withChildBlocks(block, await withPhotos(nestedBlocks(block), links, photo, photos, warnings)));
      continue;
    }
    const bytes = await photo(link.src);
    if (!bytes) {
      warnings.push(`The photo "${link.src}" was not given; its link stays as text.`);
      out.push(block);
      continue;
    }
    try {
      const image = await processImage(bytes);
      photos.set(image.hash, image);
      out.push({
        type: "image",
        hash: image.hash,
        alt: link.alt,
        caption: "",
        width: image.width,
        height: image.height,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      warnings.push(`The photo "${link.src}" was not added: ${err.message}`);
      out.push(block);
    }
  }
  return out;
}

/** One person of the imported session as stored. */
export interface ImportedPerson {
  id: string;
  name: string;
  role: PersonRole;
  /** False when an existing person of the conference was reused (matched by name). */
  created: boolean;
}

/** What an import stored. */
export interface ImportedNotes {
  conference: { id: string; slug: string; name: string; created: boolean };
  session: { id: string; slug: string; title: string; kind: string };
  people: ImportedPerson[];
  /** The stored talknotes/1 document; person ids are database Person ids. */
  document: TalkNotesDocument;
  /** The importer's notes for a person to check (guessed people, removed image names). */
  warnings: string[];
  /**
   * What the importer guessed from the text, least sure first (none for a
   * document a person already corrected); paths index `document.blocks`.
   */
  guesses: ImportGuess[];
}

/**
 * Prisma's interactive transactions end after 5 s by default; an import's holds
 * its photos' bytes and the notes, which a busy machine may take longer to write.
 */
const IMPORT_TRANSACTION = { timeout: 60_000 };

type PersonRow = {
  id: string;
  name: string;
  affiliation: string | null;
  note: string | null;
  handle: string | null;
  aliases: string;
};

/**
 * Imports plain-text or Markdown notes as a new session of a conference.
 *
 * Creates the conference (with exactly `conferenceSlug`) from the notes'
 * header when it does not exist; otherwise the conference's own name, place
 * and date win over the header and its people are reused, matched by name
 * (including the importer's typo-tolerant matching). Then it creates the
 * session, Person rows for newcomers, SessionPerson rows (role, panel order),
 * and the notes document: the Yjs state the editor opens, written by the
 * notes store (getStores(); SQLite or PostgreSQL), plus the readers' talknotes/1 copy.
 *
 * Everything that can be refused (ImportError for input that is not notes,
 * AppError `invalid_input`) is refused before the first write; everything is
 * then written in one transaction (rows, photos, and the notes through the
 * store's `createIn`), so a failure at any step leaves nothing behind.
 */
export async function importNotesToConference(
  input: ImportNotesInput,
  options: ImportPhotosOption = {},
): Promise<ImportedNotes> {
  const data = parseInput(ImportNotesInput, input);
  const { conferenceSlug } = data;
  const prisma = getPrisma();
  const existing = await prisma.conference.findUnique({ where: { slug: conferenceSlug }, include: { people: true } });

  const imported =
    "text" in data
      ? readNotesFor(existing, data.text)
      : { document: parseInterchange(data.document), warnings: data.warnings ?? [], guesses: [] };
  const warnings = [...imported.warnings];
  const photos = new Map<string, ProcessedImage>();
  const links = options.photo && "text" in data ? markdownImageLinks(data.text) : [];
  const parsed = links.length
    ? {
        ...imported.document,
        blocks: await withPhotos(imported.document.blocks, links, options.photo!, photos, warnings),
      }
    : imported.document;

  let conferenceData: ReturnType<typeof ConferenceInput.parse> | null = null;
  if (!existing) {
    if (!parsed.conference.name)
      warnings.push(`The notes do not name their conference; it was created as "${conferenceSlug}".`);
    conferenceData = parseInput(ConferenceInput, {
      name: parsed.conference.name || conferenceSlug,
      location: parsed.conference.location ?? undefined,
      startsOn: parsed.conference.startsOn ?? undefined,
      hashtag: parsed.conference.hashtag ?? undefined,
    });
  }
  const sessionData = parseInput(SessionInput, {
    title: parsed.session.title,
    kind: parsed.session.kind,
    intro: parsed.session.intro,
  });

  const stored = await prisma.$transaction(async (tx) => {
    const conference =
      existing ??
      (await tx.conference.create({
        data: { ...conferenceData!, slug: conferenceSlug, titleTemplate: parsed.conference.titleTemplate ?? null },
      }));
    const slug = await uniqueSlug(
      slugify(sessionData.title, { fallback: "session" }),
      async (s) => (await tx.session.count({ where: { conferenceId: conference.id, slug: s } })) > 0,
      RESERVED_SESSION_SLUGS,
    );
    const session = await tx.session.create({ data: { ...sessionData, slug, conferenceId: conference.id } });

    const byId = new Map<string, PersonRow>((existing?.people ?? []).map((p) => [p.id, p]));
    const byName = new Map<string, PersonRow>((existing?.people ?? []).map((p) => [nameKey(p.name), p]));
    const idFor = new Map<string, string>();
    const people: ImportedPerson[] = [];
    for (const person of parsed.people) {
      const match = byId.get(person.id) ?? byName.get(nameKey(person.name));
      let row: PersonRow;
      if (match) {
        row = await tx.person.update({ where: { id: match.id }, data: fillGaps(match, person) });
      } else {
        row = await tx.person.create({
          data: {
            conferenceId: conference.id,
            name: person.name,
            affiliation: person.affiliation ?? null,
            note: person.note ?? null,
            handle: person.handle ?? null,
            aliases: JSON.stringify(person.aliases ?? []),
          },
        });
        byName.set(nameKey(row.name), row);
      }
      byId.set(row.id, row);
      idFor.set(person.id, row.id);
      // Two spellings the importer kept apart can still be one stored person: link them once, first role wins.
      if (people.some((p) => p.id === row.id)) continue;
      await tx.sessionPerson.create({
        data: { sessionId: session.id, personId: row.id, role: person.role, position: people.length },
      });
      people.push({ id: row.id, name: row.name, role: person.role, created: !match });
    }

    const document: TalkNotesDocument = {
      format: parsed.format,
      conference: conferenceMeta(conference),
      session: { ...parsed.session, slug: session.slug },
      people: dedupePeople(parsed.people.map((p) => ({ ...p, id: idFor.get(p.id)! }))),
      blocks: mapPersonRefs(parsed.blocks, (id) => idFor.get(id) ?? null),
    };
    // Built inside the transaction: a document the editor could not open rolls the rows back.
    const ydoc = new Y.Doc();
    seedYDocFromNotes(ydoc, interchangeToNotes(document));
    seedSessionMaps(ydoc, document, people);
    const images = prismaImageStore(IMAGE_LIMITS, tx);
    for (const image of photos.values()) await images.put(session.id, image);
    // The notes store's own rows, written in this transaction: the import commits whole or not at all.
    await getStores().notes.createIn(tx, session.id, Y.encodeStateAsUpdate(ydoc), JSON.stringify(document));
    return { conference, session, people, document };
  }, IMPORT_TRANSACTION);

  return {
    conference: {
      id: stored.conference.id,
      slug: stored.conference.slug,
      name: stored.conference.name,
      created: !existing,
    },
    session: {
      id: stored.session.id,
      slug: stored.session.slug,
      title: stored.session.title,
      kind: stored.session.kind,
    },
    people: stored.people,
    document: stored.document,
    warnings,
    guesses: imported.guesses,
  };
}

/**
 * What the notes say, read the way an import into `conferenceSlug` would read
 * them (its people are known, so "Jodi" finds its Jody Mulkey): for the import
 * dialog's preview, which a person corrects before creating the session.
 */
export async function previewNotesImport(input: { conferenceSlug: string; text: string }) {
  const data = parseInput(ImportNotesInput, input);
  if (!("text" in data)) throw new AppError("invalid_input", "Paste or upload the notes to preview.");
  const existing = await getPrisma().conference.findUnique({
    where: { slug: data.conferenceSlug },
    include: { people: true },
  });
  return { ...readNotesFor(existing, data.text), conferenceExists: existing !== null };
}

function readNotesFor(
  existing: (Parameters<typeof conferenceMeta>[0] & { timezone: string; people: PersonRow[] }) | null,
  text: string,
) {
  return importNotes(text, {
    conference: existing ? conferenceMeta(existing) : undefined,
    // "audience" is the weakest role: the header's panel list upgrades it, as for anyone the notes meet.
    knownPeople: existing?.people.map((p) => ({ ...personFields(p), role: "audience" as const })) ?? [],
    // Times written in the notes (`12:04`) are the conference's wall clock.
    times: { timeZone: existing?.timezone ?? null },
  });
}

/**
 * The editor keeps the session's people and kind in shared maps beside the
 * notes (lib/collab/session-people); writing them now makes the stored state
 * complete on its own, so the first co-editor sees the chips before the
 * server's reconcile on load would have filled them in.
 */
function seedSessionMaps(ydoc: Y.Doc, document: TalkNotesDocument, stored: readonly ImportedPerson[]): void {
  ydoc.transact(() => {
    const map = ydoc.getMap<unknown>(PEOPLE_MAP);
    stored.forEach((person, position) => {
      const full = document.people.find((p) => p.id === person.id);
      const entry = SessionPersonEntry.safeParse({ ...full, id: undefined, role: person.role, position });
      if (entry.success) map.set(person.id, entry.data);
    });
    ydoc.getMap<unknown>(SESSION_MAP).set("kind", document.session.kind);
  });
}

function conferenceMeta(c: {
  name: string;
  location: string | null;
  startsOn: string | null;
  hashtag: string | null;
  titleTemplate: string | null;
}): InterchangeConference {
  return {
    name: c.name,
    location: c.location,
    startsOn: c.startsOn,
    hashtag: c.hashtag,
    ...(c.titleTemplate ? { titleTemplate: c.titleTemplate } : {}),
  };
}

function personFields(p: PersonRow): Omit<InterchangePerson, "role"> {
  const aliases = parseAliases(p.aliases);
  return {
    id: p.id,
    name: p.name,
    ...(p.affiliation ? { affiliation: p.affiliation } : {}),
    ...(p.note ? { note: p.note } : {}),
    ...(p.handle ? { handle: p.handle } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** What the notes add to a known person: only fields still empty, and new spellings. */
function fillGaps(row: PersonRow, person: InterchangePerson) {
  const aliases = parseAliases(row.aliases);
  for (const alias of person.aliases ?? []) if (!aliases.includes(alias)) aliases.push(alias);
  return {
    affiliation: row.affiliation ?? person.affiliation ?? null,
    note: row.note ?? person.note ?? null,
    handle: row.handle ?? person.handle ?? null,
    aliases: JSON.stringify(aliases),
  };
}

function dedupePeople(people: InterchangePerson[]): InterchangePerson[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.id) && seen.add(p.id));
}
