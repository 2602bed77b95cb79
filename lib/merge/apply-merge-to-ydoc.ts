import type * as Y from "yjs";
import { readSessionPeople, writeSessionPerson } from "../collab/session-people";
import { interchangeToNotes } from "../schema/interchangeToNotes";
import { seedYDocFromNotes } from "../schema/seedYDocFromNotes";
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
 * a real name for someone known only by handle) are updated.
 */
export function applyMergeToYDoc(doc: Y.Doc, merged: TalkNotesDocument): void {
  seedYDocFromNotes(doc, interchangeToNotes(merged));
  const present = new Map(readSessionPeople(doc).map((p) => [p.id, p]));
  let position = Math.max(-1, ...[...present.values()].map((p) => p.position)) + 1;
  for (const p of merged.people) {
    const aliases = (p.aliases ?? []).filter((a) => a.trim() && a.length <= MAX_ALIAS_LENGTH).slice(0, MAX_ALIASES);
    const had = present.get(p.id);
    const fields = { name: p.name, affiliation: p.affiliation ?? null, note: p.note ?? null, handle: p.handle ?? null, aliases };
    if (!had) writeSessionPerson(doc, p.id, { ...fields, role: p.role, position: position++ });
    else if (had.name !== fields.name || (had.affiliation ?? null) !== fields.affiliation || (had.handle ?? null) !== fields.handle || (had.aliases ?? []).join("\n") !== aliases.join("\n"))
      writeSessionPerson(doc, p.id, fields);
  }
}
