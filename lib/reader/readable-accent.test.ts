import { describe, expect, it } from "vitest";
import { readableAccent } from "./readable-accent";

const lum = (hex: string) => {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const ratio = (a: string, b: string) => {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe("readableAccent", () => {
  it("keeps a colour that already reads at 4.5:1 on every background of the scheme", () => {
    expect(readableAccent("#1b5e20", "light")).toBe("#1b5e20");
    expect(readableAccent("#8ea6ff", "dark")).toBe("#8ea6ff");
  });

  it("lightens a brand orange on the dark page and darkens a pale one on the light page until it reads", () => {
    const dark = readableAccent("#b35c00", "dark");
    expect(dark).not.toBe("#b35c00");
    for (const bg of ["#15171a", "#1c1f23", "#23272c"]) expect(ratio(dark, bg)).toBeGreaterThanOrEqual(4.5);
    const light = readableAccent("#ffd43b", "light");
    for (const bg of ["#fbfaf7", "#ffffff", "#f3f1ec"]) expect(ratio(light, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it("ends at black or white for colours no mix reaches, never below the ratio", () => {
    for (const accent of ["#000000", "#ffffff", "#777777", "#ff0000"]) {
      expect(ratio(readableAccent(accent, "light"), "#f3f1ec")).toBeGreaterThanOrEqual(4.5);
      expect(ratio(readableAccent(accent, "dark"), "#23272c")).toBeGreaterThanOrEqual(4.5);
    }
  });
});
