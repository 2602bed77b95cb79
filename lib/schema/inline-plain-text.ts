import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { inlineSegments } from "./inline-segments";
import { unwrapParentheses } from "./unwrap-parentheses";

/**
 * A paragraph as plain text for blocks that have no `asides` field
 * (question, note, tip, talk title, aside block): inline asides stay in
 * place, in parentheses, so nothing the note-taker wrote is lost. Parentheses
 * already typed inside or right around an aside are not doubled. Trimmed;
 * hard breaks become "\n".
 */
export function inlinePlainText(paragraph: ProseMirrorNode): string {
  const segments = inlineSegments(paragraph);
  let text = "";
  segments.forEach((segment, index) => {
    if (!segment.aside) {
      text += segment.text;
      return;
    }
    const next = segments[index + 1]?.text ?? "";
    const bracketedOutside = text.endsWith("(") && next.startsWith(")");
    const inner = unwrapParentheses(segment.text);
    if (bracketedOutside || inner === "") {
      text += segment.text;
      return;
    }
    const leading = /^\s*/.exec(segment.text)?.[0] ?? "";
    // trimEnd, not /\s*$/: that pattern is retried from every space of a long run (quadratic).
    const trailing = segment.text.slice(segment.text.trimEnd().length);
    text += `${leading}(${inner})${trailing}`;
  });
  return text.trim();
}
