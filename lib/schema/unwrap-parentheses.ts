/**
 * `text` without one pair of parentheses enclosing all of it ("(late)" ->
 * "late"; "(a) and (b)" unchanged), trimmed. Asides are exported bare and
 * rendered in parentheses, so brackets the note-taker typed inside the
 * aside mark must not double up.
 */
export function unwrapParentheses(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("(") || !trimmed.endsWith(")")) return trimmed;
  let depth = 0;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] === "(") depth++;
    else if (trimmed[i] === ")") depth--;
    if (depth === 0 && i < trimmed.length - 1) return trimmed;
  }
  return depth === 0 ? trimmed.slice(1, -1).trim() : trimmed;
}
