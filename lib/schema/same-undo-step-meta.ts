/**
 * Transaction meta key: the transaction is an automatic consequence of the
 * change it follows (a plugin's appended transaction, such as a new block's
 * time stamp) and belongs to that change's undo step: it neither starts nor
 * ends a step. The browser's undo boundaries
 * (app/components/editor/undo-boundaries.ts) read it through undoBoundaryOf.
 */
export const SAME_UNDO_STEP_META = "notesSameUndoStep";
