import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { inlineSegments } from "./inline-segments";
import { unwrapParentheses } from "./unwrap-parentheses";

/** A statement paragraph split into what was said and the note-taker's asides. */
export interface StatementText {
  /** Text outside aside marks, trimmed, each gap left by an aside closed up. */
  text: string;
  /** Text of each aside-marked run, trimmed, without enclosing parentheses; empty runs dropped. */
  asides: string[];
}

/**
 * Splits a statement's paragraph into its text and asides. Where an aside is
 * cut out the text around it is joined with one space ("We ship (on Fridays!)
 * daily" -> "We ship daily"), with none before punctuation, and parentheses
 * typed just around the marked run are removed with it.
 */
export function splitStatementText(paragraph: ProseMirrorNode): StatementText {
  const asides: string[] = [];
  let text = "";
  let gap = false;
  for (const segment of inlineSegments(paragraph)) {
    if (segment.aside) {
      const aside = unwrapParentheses(segment.text);
      if (aside !== "") asides.push(aside);
      gap = true;
      continue;
    }
    text = gap ? joinAtGap(text, segment.text) : text + segment.text;
    gap = false;
  }
  if (gap) text = joinAtGap(text, "");
  return { text: text.trim(), asides };
}

function joinAtGap(before: string, after: string): string {
  let left = before;
  let right = after;
  if (left.trimEnd().endsWith("(") && right.trimStart().startsWith(")")) {
    left = left.trimEnd().slice(0, -1);
    right = right.trimStart().slice(1);
  }
  if (left.trim() === "") return right.trimStart();
  if (right.trim() === "") return left.trimEnd();
  if (/^\s*[,.;:!?)]/.test(right)) return left.trimEnd() + right.trimStart();
  if (/\s$/.test(left) || /^\s/.test(right)) return `${left.trimEnd()} ${right.trimStart()}`;
  return left + right;
}
