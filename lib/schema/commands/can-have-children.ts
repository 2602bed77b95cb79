import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { NOTES_BLOCK_GROUP } from "../notes-block-names";

/**
 * Whether an outline block may hold nested blocks (every block but
 * `asideBlock`). Read from the schema, so a new container node needs no edit here.
 */
export function canHaveChildren(node: ProseMirrorNode): boolean {
  const afterParagraph = node.type.contentMatch.matchType(node.type.schema.nodes.paragraph!);
  if (!afterParagraph) return false;
  return Object.values(node.type.schema.nodes).some(
    (type) => type.isInGroup(NOTES_BLOCK_GROUP) && afterParagraph.matchType(type) !== null,
  );
}
