import type * as Y from "yjs";
import { z } from "zod";
import { PERSON_ROLES, SESSION_KINDS, type InterchangePerson, type SessionKind } from "../interchange/types";

/**
 * The session's people live in the shared document (a Y.Map under this key,
 * person id -> entry), so every co-editor's chips and autocomplete see a person
 * added inline, or renamed, within one round trip, even while offline. The
 * server mirrors the map into the Person / SessionPerson tables.
 */
export const PEOPLE_MAP = "people";
/** Session facts edited in the header (kind), mirrored into the Session row. */
export const SESSION_MAP = "session";

/** One person of the session as stored in the shared map. */
export const SessionPersonEntry = z.object({
  name: z.string().trim().min(1).max(200),
  affiliation: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(300).nullable().default(null),
  role: z.enum(PERSON_ROLES).default("speaker"),
  handle: z.string().trim().max(100).nullable().default(null),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** Panel order; lower first. */
  position: z.number().int().min(0).max(10_000).default(0),
});
export type SessionPersonEntry = z.output<typeof SessionPersonEntry>;

/** Person ids are cuid-like: what the server accepts from the map. */
export const PERSON_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** A new person id, made on the device (works offline). */
export function newPersonId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return (
    "p" +
    Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
      .join("")
      .slice(0, 20)
  );
}

/** The valid entries of the session's people map, in panel order. */
export function readSessionPeople(doc: Y.Doc): Array<InterchangePerson & { position: number }> {
  const people: Array<InterchangePerson & { position: number }> = [];
  doc.getMap(PEOPLE_MAP).forEach((value, id) => {
    if (!PERSON_ID.test(id)) return;
    const parsed = SessionPersonEntry.safeParse(value);
    if (!parsed.success) return;
    const e = parsed.data;
    people.push({
      id,
      name: e.name,
      affiliation: e.affiliation,
      note: e.note,
      role: e.role,
      handle: e.handle,
      aliases: e.aliases,
      position: e.position,
    });
  });
  people.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return people;
}

/** Adds or replaces one person of the session. */
export function writeSessionPerson(
  doc: Y.Doc,
  id: string,
  entry: Partial<SessionPersonEntry> & { name: string },
): void {
  const map = doc.getMap<unknown>(PEOPLE_MAP);
  const previous = SessionPersonEntry.safeParse(map.get(id));
  const next = SessionPersonEntry.parse({ ...(previous.success ? previous.data : {}), ...entry });
  map.set(id, next);
}

/** The session kind chosen in the header, if any co-editor set it. */
export function readSessionKind(doc: Y.Doc): SessionKind | null {
  const kind = doc.getMap(SESSION_MAP).get("kind");
  return typeof kind === "string" && (SESSION_KINDS as readonly string[]).includes(kind) ? (kind as SessionKind) : null;
}
