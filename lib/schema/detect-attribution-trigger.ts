/** What the attribution autocomplete should search for. */
export interface AttributionTrigger {
  /** Text typed after `@`, trimmed; "" right after typing `@`. */
  query: string;
}

// Up to six words after "@", so full names ("@Ana María de la Torre") still
// narrow the list; a double space, an "@" or a seventh word ends the trigger.
// Whether the menu stays open past the first word is the menu's call: it
// closes once no person matches any more (see offersNewPerson). Each word must
// end where a single space begins, so the pattern has one way to match and runs
// in linear time (`(?:[^\s@]+ ?){0,n}` could split a long word many ways: "@" +
// 2,000 letters + "@" took seconds, in every co-editor's tab).
const TRIGGER = /^@((?:[^\s@]+(?: [^\s@]+){0,5} ?)?)$/u;
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
