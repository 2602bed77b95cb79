/** A bullet's words split into the quote and the note-taker's asides after it. */
export interface QuotedText {
  /** True when the text (before any asides) is one quotation. */
  quoted: boolean;
  /** The quote without its quote marks, or the whole text when not quoted. */
  text: string;
  /** Parenthesised comments after the closing quote, in order. */
  asides: string[];
}

const OPEN = new Set(['"', "“", "„"]);
const CLOSE = new Set(['"', "”", "“"]);

/**
 * Reads `"quote" (aside) (another aside)`: the quote marks are removed and
 * each trailing parenthesised group becomes an aside. Parentheses are only
 * split off after a quotation; in unquoted text they are the speaker's own
 * words and stay. Text that is not a single quotation comes back unchanged.
 */
export function splitQuotedText(input: string): QuotedText {
  const whole = input.trim();
  const asides: string[] = [];
  let head = whole;
  while (!isOneQuote(head) && head.endsWith(")")) {
    const open = matchingOpen(head);
    if (open <= 0) break;
    asides.unshift(head.slice(open + 1, -1).trim());
    head = head.slice(0, open).trimEnd();
  }
  if (head && isOneQuote(head)) return { quoted: true, text: head.slice(1, -1).trim(), asides };
  return { quoted: false, text: whole, asides: [] };
}

/**
 * True when `s` is one quotation from its first to its last character. An
 * inner `"` that closes (letter before, space or punctuation after) means
 * the first and last marks belong to two different quotes: `"a" and "b"`.
 */
export function isOneQuote(s: string): boolean {
  if (s.length < 2 || !OPEN.has(s[0] as string) || !CLOSE.has(s[s.length - 1] as string)) return false;
  const inner = s.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch === "”") return false;
    if (ch === "“") return true;
    if (ch !== '"') continue;
    const before = inner[i - 1] ?? " ";
    const after = inner[i + 1] ?? " ";
    const closes = /\S/.test(before) && /[\s,.;:!?)]/.test(after);
    return !closes;
  }
  return true;
}

/** Index of the "(" matching the ")" that ends `s`, or -1. */
function matchingOpen(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ")") depth++;
    else if (s[i] === "(" && --depth === 0) return i;
  }
  return -1;
}
