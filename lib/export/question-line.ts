import type { InterchangePerson, QuestionBlock } from "../interchange/types";

/** How a format writes text, a person's name (by id) and a quotation. */
export interface LineFormat {
  text: (text: string) => string;
  name: (personId: string) => string;
  quote: (text: string) => string;
}

/**
 * A question's line in an export (docs/interchange.md): `Question: "text"`,
 * `Question: Name: "text"` when someone is named as asking, and the plain
 * text when a moderator asks (the usual panel-notes style).
 */
export function questionLine(
  block: QuestionBlock,
  people: ReadonlyMap<string, InterchangePerson>,
  format: LineFormat,
): string {
  const asker = block.askedBy === null ? undefined : people.get(block.askedBy);
  if (asker?.role === "moderator") return format.text(block.text);
  return block.askedBy === null
    ? `Question: ${format.quote(block.text)}`
    : `Question: ${format.name(block.askedBy)}: ${format.quote(block.text)}`;
}
