/** How an embed looks, chosen by the host page with URL parameters. */
export interface EmbedTheme {
  /** Force a colour scheme; null follows the reader's system preference. */
  theme: "light" | "dark" | null;
  /** The links' and highlights' colour as `#rrggbb`; null keeps Talknotes' own. */
  accent: string | null;
}

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Reads `theme=light|dark` and `accent=<hex colour>` (`e8590c`, `%23e8590c`
 * or three digits) from an embed's URL. Anything else is ignored rather than
 * refused, so a typo in a host page's snippet still shows the notes (in the
 * default look); only these validated forms ever reach the page's markup.
 */
export function parseEmbedTheme(params: Pick<URLSearchParams, "get">): EmbedTheme {
  const theme = params.get("theme");
  const hex = HEX.exec(params.get("accent")?.trim() ?? "")?.[1]?.toLowerCase();
  const accent = hex ? `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}` : null;
  return { theme: theme === "light" || theme === "dark" ? theme : null, accent };
}
