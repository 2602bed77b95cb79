/** What the attribution autocomplete should search for. */
export interface AttributionTrigger {
  /** Text typed after `@`, trimmed; "" right after typing `@`. */
  query: string;
}

// Up to three words after "@" so "@Jody Mu" still narrows the list; a
// second space, an "@" or more text ends the trigger. Each word must end where
// a single space begins, so the pattern has one way to match and runs in linear
// time (the old `(?:[^\s@]+ ?){0,3}` could split a long word three ways: "@" +
// 2,000 letters + "@" took seconds, in every co-editor's tab).
const TRIGGER = /^@((?:[^\s@]+(?: [^\s@]+){0,2} ?)?)$/u;
/** Longer text before the cursor is not a name being typed: not even scanned. */
const MAX_TRIGGER_LENGTH = 200;

/**
 * Recognises an attribution being typed at the start of a block: `@`
 * followed by a person's name, e.g. "@jo" -> `{ query: "jo" }`.
 * `textBeforeCursor` is the block paragraph's text from its start to the
 * cursor. Null when the text does not start with `@` or has gone past a name.
 */
export function detectAttributionTrigger(textBeforeCursor: string): AttributionTrigger | null {
  if (textBeforeCursor.length > MAX_TRIGGER_LENGTH) return null;
  const match = TRIGGER.exec(textBeforeCursor);
  if (!match) return null;
  return { query: (match[1] ?? "").trim() };
}
