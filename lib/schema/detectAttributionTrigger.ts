/** What the attribution autocomplete should search for. */
export interface AttributionTrigger {
  /** Text typed after `@`, trimmed; "" right after typing `@`. */
  query: string;
}

// Up to three words after "@" so "@Jody Mu" still narrows the list; a
// second space, an "@" or more text ends the trigger.
const TRIGGER = /^@((?:[^\s@]+ ?){0,3})$/u;

/**
 * Recognises an attribution being typed at the start of a block: `@`
 * followed by a person's name, e.g. "@jo" -> `{ query: "jo" }`.
 * `textBeforeCursor` is the block paragraph's text from its start to the
 * cursor. Null when the text does not start with `@` or has gone past a name.
 */
export function detectAttributionTrigger(textBeforeCursor: string): AttributionTrigger | null {
  const match = TRIGGER.exec(textBeforeCursor);
  if (!match) return null;
  return { query: (match[1] ?? "").trim() };
}
