import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/**
 * Person ids a block is attributed to: a statement's speaker, a question's
 * asker, a talk's speakers; empty for unattributed blocks and for types that
 * carry no person.
 */
export function blockPeople(node: ProseMirrorNode): string[] {
  const attrs = node.attrs as Record<string, unknown>;
  const single = attrs.speaker ?? attrs.askedBy;
  if (typeof single === "string" && single !== "") return [single];
  if (Array.isArray(attrs.speakers))
    return attrs.speakers.filter((id): id is string => typeof id === "string" && id !== "");
  return [];
}
