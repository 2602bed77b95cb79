import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";

/**
 * Whether every element and text mark in `fragment` names a node or mark of
 * `schema`. y-tiptap deletes from the Y.Doc whatever it cannot turn into the
 * schema while reading, so readers check first (see notesFromYDoc).
 * Formatting keys of overlapping marks (`name--hash`) count by their name.
 */
export function yFragmentFitsSchema(fragment: Y.XmlFragment, schema: Schema): boolean {
  const fits = (type: Y.XmlElement | Y.XmlText | Y.XmlHook): boolean => {
    if (type instanceof Y.XmlText) {
      const delta = type.toDelta() as { attributes?: Record<string, unknown> }[];
      return delta.every((op) =>
        Object.keys(op.attributes ?? {}).every((name) => name.split("--")[0]! in schema.marks),
      );
    }
    if (type instanceof Y.XmlElement) return type.nodeName in schema.nodes && type.toArray().every(fits);
    return false;
  };
  return fragment.toArray().every(fits);
}
