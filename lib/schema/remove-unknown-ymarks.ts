import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";

/**
 * Removes, in place, every text formatting in `fragment` that names no mark
 * of `schema`, so that y-tiptap keeps the text instead of dropping it. Meant
 * for a private copy of a Y.Doc: on a shared one the change would sync.
 */
export function removeUnknownYMarks(fragment: Y.XmlFragment | Y.XmlElement, schema: Schema): void {
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) {
      removeUnknownYMarks(child, schema);
      continue;
    }
    if (!(child instanceof Y.XmlText)) continue;
    let index = 0;
    for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      const unknown = Object.keys(op.attributes ?? {}).filter((name) => !(name.split("--")[0]! in schema.marks));
      if (unknown.length > 0) child.format(index, length, Object.fromEntries(unknown.map((name) => [name, null])));
      index += length;
    }
  }
}
