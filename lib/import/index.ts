/**
 * Plain-text and Markdown notes importer: `importNotes` for text,
 * `decodeNotesFile` for uploaded bytes, `matchSpeaker` for name matching.
 */
export { importNotes } from "./import-notes";
export type { ImportNotesOptions, ImportNotesResult } from "./import-notes";
export { decodeNotesFile } from "./decode-notes-file";
export { UNSURE_CONFIDENCE } from "./import-guess";
export type { ImportGuess } from "./import-guess";
export { ImportError, MAX_NOTES_BYTES } from "./import-error";
export type { ImportErrorCode } from "./import-error";
export { matchSpeaker } from "./match-speaker";
export type { SpeakerMatch, SpeakerMatchKind, MatchablePerson } from "./match-speaker";
