import type * as Y from "yjs";
import { readSessionPeople, writeSessionPerson } from "../collab/session-people";
import { interchangeToNotes } from "../schema/interchange-to-notes";
import { seedYDocFromNotes } from "../schema/seed-ydoc-from-notes";
import type { TalkNotesDocument } from "../interchange/types";

/** The session-people map's limits (lib/collab/session-people SessionPersonEntry). */
const MAX_ALIASES = 20;
const MAX_ALIAS_LENGTH = 100;

/**
 * Writes a merged document into a session's live Yjs document: the notes
 * become the merged notes (seedYDocFromNotes replaces the notes fragment's
 * content; call it inside one transaction so co-editors get one update), new
 * people join the session's people after the others, and people the merge
 * learned more about (another spelling as an alias, an affiliation or handle,
 * a real name for someone known only by handle) are updated. Ids must be
 * session-people ids (lib/collab/session-people PERSON_ID): the server's
 * documents already carry database ids.
 */
export function applyMergeToYDoc(doc: Y.Doc, merged: TalkNotesDocument): void {
  const present = new Map(readSessionPeople(doc).map((p) => [p.id, p]));
  let position = Math.max(-1, ...[...present.values()].map((p) => p.position)) + 1;
  // Every entry is made to fit the people map's limits before anything is written: a Yjs transaction does not
  // roll back, so a throw after the notes were replaced would leave them without their new people.
  const writes: [string, Parameters<typeof writeSessionPerson>[2]][] = [];
  for (const p of merged.people) {
    const aliases = (p.aliases ?? [])
      .map((a) => a.trim())
      .filter((a) => a && a.length <= MAX_ALIAS_LENGTH)
      .slice(0, MAX_ALIASES);
    const fields = {
      name: p.name.trim().slice(0, 200) || p.id,
      affiliation: p.affiliation?.trim().slice(0, 200) || null,
      note: p.note?.trim().slice(0, 300) || null,
      handle: p.handle?.trim().slice(0, 100) || null,
      aliases,
    };
    const had = present.get(p.id);
    if (!had) writes.push([p.id, { ...fields, role: p.role, position: position++ }]);
    else if (
      had.name !== fields.name ||
      (had.affiliation ?? null) !== fields.affiliation ||
      (had.handle ?? null) !== fields.handle ||
      (had.aliases ?? []).join("\n") !== aliases.join("\n")
    )
      writes.push([p.id, fields]);
  }
  seedYDocFromNotes(doc, interchangeToNotes(merged));
  for (const [id, entry] of writes) writeSessionPerson(doc, id, entry);
}
