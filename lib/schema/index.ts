/**
 * The talk-notes document model: Tiptap extensions (one node or mark per
 * file), the schema built from them, the pure ProseMirror commands behind
 * the outline keys, and conversions to and from `talknotes/1`.
 */
export { AsideBlock, ASIDE_BLOCK_INPUT_REGEX } from "./asideBlock";
export { AsideMark, ASIDE_OPEN_INPUT_REGEX, ASIDE_CLOSE_INPUT_REGEX } from "./asideMark";
export { createNotesExtensions, type NotesExtensionsOptions } from "./createNotesExtensions";
export { isAllowedLinkHref } from "./isAllowedLinkHref";
export { KeyMoment } from "./keyMoment";
export { Note } from "./note";
export {
  ASIDE_MARK_NAME,
  NOTES_BLOCK_GROUP,
  NOTES_BLOCK_NAMES,
  NOTES_CONTAINER_CONTENT,
  type NotesBlockName,
} from "./notesBlockNames";
export { NotesDocument } from "./notesDocument";
export { NOTES_FIELD } from "./notesField";
export { NotesLink } from "./notesLink";
export { NotesOutline } from "./notesOutline";
export { notesSchema } from "./notesSchema";
export { Question, QUESTION_INPUT_REGEX } from "./question";
export { Statement } from "./statement";
export { Talk, TALK_INPUT_REGEX } from "./talk";
export { Tip, TIP_INPUT_REGEX } from "./tip";
export { backspaceNotesBlockCommand } from "./commands/backspaceNotesBlockCommand";
export { deleteForwardNotesBlockCommand } from "./commands/deleteForwardNotesBlockCommand";
export { blockPeople } from "./commands/blockPeople";
export { findNotesBlock, type FoundNotesBlock } from "./commands/findNotesBlock";
export { insertNextTalkCommand } from "./commands/insertNextTalkCommand";
export { liftNotesBlockCommand } from "./commands/liftNotesBlockCommand";
export { setAskedByCommand } from "./commands/setAskedByCommand";
export { setNotesBlockTypeCommand } from "./commands/setNotesBlockTypeCommand";
export { setSpeakerCommand } from "./commands/setSpeakerCommand";
export { sinkNotesBlockCommand } from "./commands/sinkNotesBlockCommand";
export { toggleStarredCommand } from "./commands/toggleStarredCommand";
export { splitNotesBlockCommand } from "./commands/splitNotesBlockCommand";
export { detectAttributionTrigger, type AttributionTrigger } from "./detectAttributionTrigger";
export { inlinePlainText } from "./inlinePlainText";
export { interchangeToNotes } from "./interchangeToNotes";
export { notesFromYDoc } from "./notesFromYDoc";
export { notesToInterchange, type NotesInterchangeMeta } from "./notesToInterchange";
export { seedYDocFromNotes } from "./seedYDocFromNotes";
export { splitStatementText, type StatementText } from "./splitStatementText";
