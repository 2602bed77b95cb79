/**
 * Transaction meta key: the transaction is an undo step of its own (an
 * automatic conversion such as a trailing `(…)` becoming an aside), so one
 * Ctrl-Z takes back exactly the conversion and nothing typed before it. The
 * browser's undo boundaries (app/components/editor/undo-boundaries.ts) read it.
 */
export const OWN_UNDO_STEP_META = "notesOwnUndoStep";
