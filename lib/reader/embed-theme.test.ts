import { describe, expect, it } from "vitest";
import { parseEmbedTheme } from "./embed-theme";

const parse = (query: string) => parseEmbedTheme(new URLSearchParams(query));

describe("parseEmbedTheme", () => {
  it("takes light or dark, and follows the system otherwise", () => {
    expect(parse("theme=dark").theme).toBe("dark");
    expect(parse("theme=light").theme).toBe("light");
    for (const q of ["", "theme=", "theme=Dark", "theme=auto", "theme=dark;x", "theme=%3Cscript%3E"])
      expect(parse(q).theme).toBeNull();
  });

  it("takes a hex accent with or without #, long or short, as #rrggbb", () => {
    expect(parse("accent=E8590C").accent).toBe("#e8590c");
    expect(parse("accent=%23e8590c").accent).toBe("#e8590c");
    expect(parse("accent=%23f0a").accent).toBe("#ff00aa");
  });

  it("ignores anything that is not a hex colour (never reaches the markup)", () => {
    for (const q of [
      "accent=red",
      "accent=e8590",
      "accent=%23e8590c;background:url(x)",
      "accent=e8590c%22%3E%3Cscript%3E",
      "accent=var(--x)",
      "accent=gggggg",
      "accent=",
    ])
      expect(parse(q).accent, q).toBeNull();
  });
});
