import type { JSONContent } from "@tiptap/core";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { NOTES_FIELD } from "./notes-field";
import { notesSchema } from "./notes-schema";

/**
 * Make the notes in `ydoc` equal to `json` (notes-editor JSON, e.g. from
 * interchangeToNotes), in one Yjs transaction. Existing content is diffed
 * into the new one, not appended to. Throws, leaving `ydoc` untouched, when
 * `json` does not fit the schema, so an import can never store a document
 * the editor cannot open.
 *
 * Meant for seeding a fresh document (import, re-creation). Running it on a
 * document other people are editing overwrites their concurrent changes.
 */
export function seedYDocFromNotes(ydoc: Y.Doc, json: JSONContent, field: string = NOTES_FIELD): void {
  const doc = notesSchema.nodeFromJSON(json);
  doc.check();
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(field));
  });
}
