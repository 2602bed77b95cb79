import { attributionGuess } from "./attribution-guess";
import type { BlockParent, ClassifyContext } from "./classify-context";
import type { BlockGuess } from "./import-guess";
import { looksLikeNewName, parseAttribution, parseTrailingAttribution } from "./parse-attribution";
import { splitQuotedText } from "./split-quoted-text";

/** The parts of a statement block other than its children. */
export interface StatementParts {
  speaker: string | null;
  text: string;
  asides: string[];
  /** For the import report: how sure the speaker is, when it was guessed. */
  guess: BlockGuess | null;
}

/**
 * Reads a bullet as something a person said:
 * - `Jody: "..." (aside)` where the label resolves to a person (first, last
 *   or full name, alias, handle, or a typo of one);
 * - under a question, `Israel: "..."` from someone not in the panel list,
 *   who is added with role "audience";
 * - `"..." — Jody` (or `--`, `–`, `~`, ` - `) where the name after the
 *   words resolves to a person;
 * - a bare `"..."` quotation: a statement with speaker null, i.e. the
 *   enclosing speaker continuing.
 * Returns null when the bullet is none of these.
 */
export function classifyStatement(
  text: string,
  parent: BlockParent,
  ctx: ClassifyContext,
  line: number | null = null,
): StatementParts | null {
  const attribution = parseAttribution(text);
  if (attribution) {
    const quote = splitQuotedText(attribution.rest);
    const match = ctx.people.resolveMatch(attribution.label);
    if (match) {
      const guess = attributionGuess("attribution", attribution.label, match, line);
      return { speaker: match.person.id, text: quote.text, asides: quote.asides, guess };
    }
    const newcomer =
      parent === "question" && quote.quoted && looksLikeNewName(attribution.label)
        ? ctx.people.add({ name: attribution.label, role: "audience" })
        : null;
    if (newcomer) {
      const message = `"${attribution.label}" is not in the panel or speaker list; added as an audience member.`;
      ctx.warnings.push(message);
      const guess: BlockGuess = { kind: "attribution", confidence: 0.5, message, personId: newcomer.id, line };
      return { speaker: newcomer.id, text: quote.text, asides: quote.asides, guess };
    }
  }
  // `"…" — Victor`: the name after the words, only when it is someone known.
  const trailing = parseTrailingAttribution(text);
  const byline = trailing ? ctx.people.resolveMatch(trailing.label) : null;
  if (trailing && byline) {
    const quote = splitQuotedText(trailing.rest);
    return {
      speaker: byline.person.id,
      text: quote.text,
      asides: quote.asides,
      guess: attributionGuess("attribution", trailing.label, byline, line),
    };
  }
  const quote = splitQuotedText(text);
  return quote.quoted ? { speaker: null, text: quote.text, asides: quote.asides, guess: null } : null;
}
