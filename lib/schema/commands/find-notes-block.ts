import type { Node as ProseMirrorNode, ResolvedPos } from "@tiptap/pm/model";
import { NOTES_BLOCK_GROUP } from "../notes-block-names";

/** The outline block around a position, as found by {@link findNotesBlock}. */
export interface FoundNotesBlock {
  node: ProseMirrorNode;
  /** Position directly before the block. */
  pos: number;
  /** Depth of the block in the resolved position ($pos.node(depth) === node). */
  depth: number;
}

/** Nearest ancestor of `$pos` that belongs to the `notesBlock` group, or null. */
export function findNotesBlock($pos: ResolvedPos): FoundNotesBlock | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.isInGroup(NOTES_BLOCK_GROUP)) return { node, pos: $pos.before(depth), depth };
  }
  return null;
}
