/**
 * The most people one imported session can have (panel, speakers, audience).
 * Real sessions have a few dozen at most; beyond this, names stay text and the
 * import warns. It bounds the per-line work of matching labels to people, so
 * hostile notes with thousands of invented names stay linear.
 */
export const MAX_SESSION_PEOPLE = 200;
