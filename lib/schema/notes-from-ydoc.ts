import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { NOTES_FIELD } from "./notes-field";
import { notesSchema } from "./notes-schema";
import { removeUnknownYMarks } from "./remove-unknown-ymarks";
import { yFragmentFitsSchema } from "./y-fragment-fits-schema";

/**
 * The notes held in `ydoc` (as edited in the browser) as a ProseMirror
 * document of {@link notesSchema}; a never-edited Y.Doc gives one empty note.
 *
 * Never changes `ydoc`. y-tiptap deletes, in the live Y.Doc, any element or
 * mark it cannot build with the schema (e.g. a node added by a newer browser
 * bundle during a deploy), and that deletion would sync to every editor. So
 * when the content does not fit the schema it is read from a copy: unknown
 * marks are dropped (their text kept), unknown nodes are left out.
 */
export function notesFromYDoc(ydoc: Y.Doc, field: string = NOTES_FIELD): ProseMirrorNode {
  let fragment = ydoc.getXmlFragment(field);
  if (!yFragmentFitsSchema(fragment, notesSchema)) {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    fragment = copy.getXmlFragment(field);
    removeUnknownYMarks(fragment, notesSchema);
  }
  const doc = yXmlFragmentToProseMirrorRootNode(fragment, notesSchema);
  if (doc.childCount > 0) return doc;
  return notesSchema.topNodeType.createAndFill()!;
}
