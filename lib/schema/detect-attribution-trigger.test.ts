import { describe, expect, it } from "vitest";
import { detectAttributionTrigger } from "./detect-attribution-trigger";
import { ASIDE_BLOCK_INPUT_REGEX } from "./aside-block";
import { ASIDE_CLOSE_INPUT_REGEX, ASIDE_OPEN_INPUT_REGEX } from "./aside-mark";
import { QUESTION_INPUT_REGEX } from "./question";
import { TRAILING_ASIDE_REGEX } from "./commands/convert-trailing-aside-command";
import { TALK_INPUT_REGEX } from "./talk";
import { TIP_INPUT_REGEX } from "./tip";

describe("detectAttributionTrigger", () => {
  it.each([
    ["@", ""],
    ["@jo", "jo"],
    ["@Jody", "Jody"],
    ["@Jody Mu", "Jody Mu"],
    ["@Jody ", "Jody"],
    ["@Zoë", "Zoë"],
    ["@o'reilly", "o'reilly"],
    ["@Ana María de la Torre", "Ana María de la Torre"],
  ])("recognises %j", (typed, query) => {
    expect(detectAttributionTrigger(typed)).toEqual({ query });
  });

  it.each(["jo", "we said @jo", " @jo", "@jo  ", "@a b c d e f g", "@jo@x", ""])("ignores %j", (typed) => {
    expect(detectAttributionTrigger(typed)).toBeNull();
  });
});

describe("input rule patterns (matched against the block's text up to the typed character)", () => {
  it.each([
    [QUESTION_INPUT_REGEX, ["Q: ", "q: ", "? "], ["Q:", "Q:x", "So? ", "x Q: "]],
    [TIP_INPUT_REGEX, ["! "], ["!", "Wow! "]],
    [ASIDE_BLOCK_INPUT_REGEX, ["( ", "(n", "(Q"], ["(", "a ( ", "((", "()", "a(n"]],
    [
      TRAILING_ASIDE_REGEX,
      ["said (great point)", "(laughs)", "x (a (b)"],
      ["said ()", "said ( )", "said(x)", "said (x) y)"],
    ],
    [TALK_INPUT_REGEX, ["## "], ["# ", "### ", "x## "]],
    [ASIDE_OPEN_INPUT_REGEX, ["((", "We ship (("], ["(", "( ("]],
    [ASIDE_CLOSE_INPUT_REGEX, ["))", "text))"], [")", ") )"]],
  ])("%s", (regex, matches, misses) => {
    for (const text of matches) expect(regex.test(text), text).toBe(true);
    for (const text of misses) expect(regex.test(text), text).toBe(false);
  });
});
