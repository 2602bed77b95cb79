const TIP = /^(?:pro[ -]?)?tip\s*[:\-–—]\s*/i;

/**
 * The text of a "Tip:" bullet ("Tip:", "Pro tip -"), without the prefix;
 * null when the bullet is not a tip.
 */
export function classifyTip(text: string): string | null {
  const m = TIP.exec(text);
  return m ? text.slice(m[0].length) : null;
}
