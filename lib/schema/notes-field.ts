/**
 * Name of the Y.XmlFragment holding a session's notes in its Y.Doc. The
 * browser's Collaboration extension (`field: NOTES_FIELD`) and the server's
 * persistence and export must agree on it, or each sees an empty document.
 */
export const NOTES_FIELD = "notes" as const;
