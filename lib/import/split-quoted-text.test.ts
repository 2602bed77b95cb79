import { describe, expect, it } from "vitest";
import { splitQuotedText } from "./split-quoted-text";

describe("splitQuotedText", () => {
  it("removes the quote marks and splits trailing parenthesised asides", () => {
    expect(splitQuotedText('"focus on work" (so cool.  Really!)')).toEqual({
      quoted: true,
      text: "focus on work",
      asides: ["so cool.  Really!"],
    });
    expect(splitQuotedText('"they were interested" ("they liked us") (haha)')).toEqual({
      quoted: true,
      text: "they were interested",
      asides: ['"they liked us"', "haha"],
    });
    expect(splitQuotedText("“curly (with parens) inside”")).toEqual({
      quoted: true,
      text: "curly (with parens) inside",
      asides: [],
    });
  });

  it("leaves unquoted text and two separate quotes whole", () => {
    expect(splitQuotedText("we measure WIP (work in progress)")).toEqual({
      quoted: false,
      text: "we measure WIP (work in progress)",
      asides: [],
    });
    expect(splitQuotedText('"a" and "b"')).toEqual({ quoted: false, text: '"a" and "b"', asides: [] });
    expect(splitQuotedText('"called the "zero effect" today"')).toEqual({
      quoted: true,
      text: 'called the "zero effect" today',
      asides: [],
    });
  });
});
