import type { AsideBlock } from "../interchange/types";

/**
 * A bullet that is wholly one parenthesised remark, `(This is hilarious...)`,
 * is the note-taker's aside. Returns null for anything else, including
 * "(see pic) more words" and remarks with nested bullets (those stay notes so
 * the nested bullets are kept).
 */
export function classifyAside(text: string, hasChildren: boolean): AsideBlock | null {
  if (hasChildren || !text.startsWith("(") || !text.endsWith(")")) return null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0 && i < text.length - 1) return null;
  }
  return depth === 0 ? { type: "aside", text: text.slice(1, -1).trim() } : null;
}
