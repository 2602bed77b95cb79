import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { NotesBlockName } from "../notes-block-names";

/** Type and attributes of a block the outline creates on Enter. */
export interface NewBlockSpec {
  typeName: NotesBlockName;
  attrs: Record<string, unknown>;
}

/**
 * What Enter creates next to `block` inside `parent`: the next answer in a
 * question's thread and the next line of a quote's continuation (children of
 * a statement) are unattributed statements (the note-taker picks the speaker
 * next); anything else, including the line after a top-level statement, is a
 * note: continuing a speaker is explicit (`@name`, or Tab under the quote), so
 * nothing exports as a quote that nobody was credited with by accident.
 * With `asChild`, what Enter creates as the first child of `block`: answers
 * under a question, continued quotes under a statement, notes elsewhere.
 */
export function newBlockAfter(block: ProseMirrorNode, parent: ProseMirrorNode, asChild = false): NewBlockSpec {
  const context = asChild ? block : parent;
  const answers = context.type.name === "question" || context.type.name === "statement";
  return answers ? { typeName: "statement", attrs: { speaker: null } } : { typeName: "note", attrs: {} };
}
