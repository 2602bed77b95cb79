/**
 * The block attribute holding when a block was first written: an ISO 8601
 * instant (UTC, `2026-06-12T14:05:09.120Z`) or null when unknown. Stored in
 * the shared Y.Doc like any other attribute, so each co-editor's blocks keep
 * their own times and concurrent text edits never touch them.
 */
export const BLOCK_TIME_ATTRIBUTE = "at" as const;
