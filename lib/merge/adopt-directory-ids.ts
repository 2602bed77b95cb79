import { matchSpeaker } from "../import/match-speaker";
import type { InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { mapPersonRefs } from "../interchange/map-person-refs";

/**
 * Gives the people of notes from outside the conference (an imported file,
 * whose people are numbered or slugged by the importer) the ids of the
 * conference's directory: the same id when it is one of the directory's, else
 * the directory person with exactly that name, handle or alias (no guessing:
 * the merge's own matching handles typos against the session's people), else
 * a fresh id from `newId` (a new person of the conference).
 */
export function adoptDirectoryIds(
  doc: TalkNotesDocument,
  directory: readonly InterchangePerson[],
  newId: () => string,
): TalkNotesDocument {
  const known = new Set(directory.map((p) => p.id));
  const idFor = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of doc.people) {
    let id = known.has(p.id) ? p.id : null;
    if (!id) {
      const found =
        matchSpeaker(p.name, directory, undefined, true) ??
        (p.handle ? matchSpeaker(p.handle, directory, undefined, true) : null);
      if (found && (found.how === "name" || found.how === "handle" || found.how === "alias")) id = found.person.id;
    }
    if (!id || taken.has(id)) id = newId();
    taken.add(id);
    idFor.set(p.id, id);
  }
  const people: InterchangePerson[] = doc.people.map((p) => ({ ...p, id: idFor.get(p.id)! }));
  return { ...doc, people, blocks: mapPersonRefs(doc.blocks, (id) => idFor.get(id) ?? null) };
}
