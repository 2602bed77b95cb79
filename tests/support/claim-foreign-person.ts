import type * as Y from "yjs";
import { PEOPLE_MAP } from "../../lib/collab/session-people";

/** Writes a complete people entry under another conference's person id, as a hostile client would: the mirror must ignore it. */
export function claimForeignPerson(doc: Y.Doc, personId: string): void {
  doc.getMap(PEOPLE_MAP).set(personId, {
    name: "Hijacked",
    role: "speaker",
    affiliation: null,
    note: null,
    handle: null,
    aliases: [],
    position: 0,
  });
}
