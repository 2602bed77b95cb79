/**
 * Names shared by every node of the talk-notes outline. Kept in one place so
 * that content expressions, commands and conversions agree on them.
 */

/** The schema group every outline block belongs to (`question`, `statement`, ...). */
export const NOTES_BLOCK_GROUP = "notesBlock" as const;

/**
 * Content of a container block: its own text first, then nested blocks, like
 * an outliner item. The paragraph is always the first child, which is what
 * lets commands find "the block around the cursor" as the paragraph's parent.
 */
export const NOTES_CONTAINER_CONTENT = `paragraph ${NOTES_BLOCK_GROUP}*` as const;

/** Node names of the outline blocks, as they appear in the ProseMirror JSON. */
export const NOTES_BLOCK_NAMES = ["question", "statement", "note", "tip", "talk", "asideBlock"] as const;

/** One of {@link NOTES_BLOCK_NAMES}. */
export type NotesBlockName = (typeof NOTES_BLOCK_NAMES)[number];

/** Name of the inline aside mark (the block form is the `asideBlock` node). */
export const ASIDE_MARK_NAME = "aside" as const;
