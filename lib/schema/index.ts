/**
 * The talk-notes document model: Tiptap extensions (one node or mark per
 * file), the schema built from them, the pure ProseMirror commands behind
 * the outline keys, and conversions to and from `talknotes/1`.
 */
export { AsideBlock, ASIDE_BLOCK_INPUT_REGEX } from "./aside-block";
export { AsideMark, ASIDE_OPEN_INPUT_REGEX, ASIDE_CLOSE_INPUT_REGEX } from "./aside-mark";
export { createNotesExtensions, type NotesExtensionsOptions } from "./create-notes-extensions";
export { isAllowedLinkHref } from "./is-allowed-link-href";
export { KeyMoment } from "./key-moment";
export { Note } from "./note";
export {
  ASIDE_MARK_NAME,
  NOTES_BLOCK_GROUP,
  NOTES_BLOCK_NAMES,
  NOTES_CONTAINER_CONTENT,
  type NotesBlockName,
} from "./notes-block-names";
export { NotesDocument } from "./notes-document";
export { NOTES_FIELD } from "./notes-field";
export { NotesLink } from "./notes-link";
export { NotesOutline } from "./notes-outline";
export { notesSchema } from "./notes-schema";
export { Question, QUESTION_INPUT_REGEX } from "./question";
export { Statement } from "./statement";
export { Talk, TALK_INPUT_REGEX } from "./talk";
export { Tip, TIP_INPUT_REGEX } from "./tip";
export { backspaceNotesBlockCommand } from "./commands/backspace-notes-block-command";
export { deleteForwardNotesBlockCommand } from "./commands/delete-forward-notes-block-command";
export { blockPeople } from "./commands/block-people";
export { findNotesBlock, type FoundNotesBlock } from "./commands/find-notes-block";
export { insertNextTalkCommand } from "./commands/insert-next-talk-command";
export { liftNotesBlockCommand } from "./commands/lift-notes-block-command";
export { setAskedByCommand } from "./commands/set-asked-by-command";
export { setNotesBlockTypeCommand } from "./commands/set-notes-block-type-command";
export { setSpeakerCommand } from "./commands/set-speaker-command";
export { sinkNotesBlockCommand } from "./commands/sink-notes-block-command";
export { toggleStarredCommand } from "./commands/toggle-starred-command";
export { splitNotesBlockCommand } from "./commands/split-notes-block-command";
export { detectAttributionTrigger, type AttributionTrigger } from "./detect-attribution-trigger";
export { inlinePlainText } from "./inline-plain-text";
export { interchangeToNotes } from "./interchange-to-notes";
export { notesFromYDoc } from "./notes-from-ydoc";
export { notesToInterchange, type NotesInterchangeMeta } from "./notes-to-interchange";
export { seedYDocFromNotes } from "./seed-ydoc-from-notes";
export { splitStatementText, type StatementText } from "./split-statement-text";
