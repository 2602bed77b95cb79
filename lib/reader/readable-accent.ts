/** The page backgrounds text in the accent colour sits on, per scheme (app/globals.css: --bg, --surface, --surface-2). */
const BACKGROUNDS = {
  light: ["#fbfaf7", "#ffffff", "#f3f1ec"],
  dark: ["#15171a", "#1c1f23", "#23272c"],
} as const;

/** WCAG AA for normal text: names and links are drawn in the accent. */
const MIN_CONTRAST = 4.5;

const channels = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/**
 * The host page's accent colour (`#rrggbb`), moved just far enough toward
 * black (light scheme) or white (dark scheme) that text in it reads at
 * 4.5:1 on every background of that scheme. A host picks its brand colour
 * once for both schemes; an orange that reads on white would be 3.5:1 on the
 * dark page, so the embed keeps the hue and fixes the lightness.
 */
export function readableAccent(accent: string, scheme: keyof typeof BACKGROUNDS): string {
  const backgrounds = BACKGROUNDS[scheme].map(channels);
  const base = channels(accent);
  const target = scheme === "light" ? 0 : 255;
  const worst = (rgb: readonly number[]) => Math.min(...backgrounds.map((bg) => contrast(rgb, bg)));
  for (let step = 0; step <= 20; step++) {
    const mixed = base.map((c) => c + ((target - c) * step) / 20);
    if (worst(mixed) >= MIN_CONTRAST) return toHex(mixed);
  }
  return scheme === "light" ? "#000000" : "#ffffff";
}
