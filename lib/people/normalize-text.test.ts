import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text";

describe("normalizeText", () => {
  it("lowercases, strips diacritics and splits on punctuation", () => {
    expect(normalizeText("José Ñúñez-Smith")).toBe("jose nunez smith");
    expect(normalizeText("  IT Process   Institute ")).toBe("it process institute");
  });
  it("joins apostrophes and dots instead of splitting", () => {
    expect(normalizeText("Tim O'Reilly")).toBe("tim oreilly");
    expect(normalizeText("J.R. Smith")).toBe("jr smith");
  });
  it("folds letters NFKD leaves whole", () => {
    expect(normalizeText("Søren Straße Łukasz")).toBe("soren strasse lukasz");
  });
  it("drops handle punctuation", () => {
    expect(normalizeText("@jay_lyman")).toBe("jay lyman");
  });
});
