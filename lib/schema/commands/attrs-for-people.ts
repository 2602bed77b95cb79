import type { NotesBlockName } from "../notes-block-names";

/**
 * Attributes that attribute a block of type `typeName` to `people`, so that
 * changing a block's type keeps who it belongs to: a statement by Jo turned
 * into a question becomes a question asked by Jo, and back. Types without a
 * person attribute get `{}`; single-person types take the first id.
 */
export function attrsForPeople(typeName: NotesBlockName, people: readonly string[]): Record<string, unknown> {
  const first = people[0] ?? null;
  switch (typeName) {
    case "statement":
      return { speaker: first };
    case "question":
      return { askedBy: first };
    case "talk":
      return { speakers: [...people] };
    default:
      return {};
  }
}
