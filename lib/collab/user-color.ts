/** Caret colours with enough contrast for white label text, in light and dark mode. */
export const CARET_COLORS = [
  "#e03131",
  "#1971c2",
  "#2f9e44",
  "#f08c00",
  "#9c36b5",
  "#0c8599",
  "#c2255c",
  "#5c940d",
  "#6741d9",
  "#d9480f",
];

/** A stable colour for a person's caret, derived from their name. */
export function userColor(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return CARET_COLORS[(h >>> 0) % CARET_COLORS.length]!;
}
