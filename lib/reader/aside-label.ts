/**
 * The visible label on every aside readers see (session page, speaker page,
 * live updates): with the parentheses, it keeps the note-taker's words from
 * reading as the speaker's wherever a quote is shown out of the editor.
 */
export const ASIDE_LABEL = "note-taker";
