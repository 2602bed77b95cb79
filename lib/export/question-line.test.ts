import { describe, expect, it } from "vitest";
import type { InterchangePerson, QuestionBlock } from "../interchange/types";
import { questionLine } from "./question-line";

const people = new Map<string, InterchangePerson>([
  ["eli", { id: "eli", name: "Eli", role: "audience" }],
  ["damon", { id: "damon", name: "Damon", role: "moderator" }],
]);
const format = { text: (t: string) => `[${t}]`, name: (id: string) => `<${id}>`, quote: (t: string) => `"${t}"` };
const asked = (askedBy: string | null): QuestionBlock => ({ type: "question", text: "Why?", askedBy, answers: [] });

describe("questionLine", () => {
  it("quotes the room's questions, names the asker, and writes a moderator's as plain text", () => {
    expect(questionLine(asked(null), people, format)).toBe('Question: "Why?"');
    expect(questionLine(asked("eli"), people, format)).toBe('Question: <eli>: "Why?"');
    expect(questionLine(asked("damon"), people, format)).toBe("[Why?]");
    // An id the people list lacks is still named (the format decides how).
    expect(questionLine(asked("ghost"), people, format)).toBe('Question: <ghost>: "Why?"');
  });
});
