import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { NOTES_FIELD } from "./notesField";
import { notesSchema } from "./notesSchema";

/**
 * The notes held in `ydoc` (as edited in the browser) as a ProseMirror
 * document of {@link notesSchema}; a never-edited Y.Doc gives one empty note.
 *
 * Beware: y-tiptap deletes Y elements it cannot turn into nodes of the
 * schema, so reading with a schema that lacks a node the browser uses would
 * destroy content. Both sides must build from createNotesExtensions().
 */
export function notesFromYDoc(ydoc: Y.Doc, field: string = NOTES_FIELD): ProseMirrorNode {
  const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(field), notesSchema);
  if (doc.childCount > 0) return doc;
  return notesSchema.topNodeType.createAndFill()!;
}
