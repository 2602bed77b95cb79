import type { BlockGuess } from "./import-guess";
import type { SpeakerMatch } from "./match-speaker";
import { matchConfidence } from "./match-confidence";

const HOW: Record<SpeakerMatch["how"], string> = {
  name: "full name",
  handle: "handle",
  alias: "a known alias",
  "first-name": "first name",
  "last-name": "last name",
  initials: "initials",
  prefix: "the start of the name",
  fuzzy: "a likely typo",
};

/**
 * The import report's entry for a label read as a person, or null when the
 * label was the person's full name or handle (nothing was guessed).
 */
export function attributionGuess(
  kind: BlockGuess["kind"],
  label: string,
  match: SpeakerMatch,
  line: number | null,
): BlockGuess | null {
  if (match.how === "name" || match.how === "handle") return null;
  return {
    kind,
    confidence: matchConfidence(match),
    message: `"${label}" read as ${match.person.name} (${HOW[match.how]}).`,
    personId: match.person.id,
    line,
  };
}
