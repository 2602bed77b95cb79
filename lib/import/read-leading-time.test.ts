import { describe, expect, it } from "vitest";
import { importNotes } from "./import-notes";
import { readLeadingTime } from "./read-leading-time";

const berlin = { day: "2026-06-12", timeZone: "Europe/Berlin", startsAt: null };

describe("readLeadingTime", () => {
  it("reads a time of day on the session's day in the conference's zone", () => {
    expect(readLeadingTime("12:04 Jody: we ship daily", berlin)).toEqual({
      at: "2026-06-12T10:04:00.000Z",
      rest: "Jody: we ship daily",
    });
    expect(readLeadingTime("9:05:30 - opening", berlin)).toEqual({ at: "2026-06-12T07:05:30.000Z", rest: "opening" });
    expect(readLeadingTime("[12:04] Q: why?", berlin)?.at).toBe("2026-06-12T10:04:00.000Z");
  });

  it("reads a bracketed time as time into the session when its start is known", () => {
    const anchor = { ...berlin, startsAt: "2026-06-12T14:00:00+02:00" };
    expect(readLeadingTime("[00:12:30] the demo starts", anchor)).toEqual({
      at: "2026-06-12T12:12:30.000Z",
      rest: "the demo starts",
    });
    // A plain time stays a time of day.
    expect(readLeadingTime("14:20 later", anchor)?.at).toBe("2026-06-12T12:20:00.000Z");
  });

  it("leaves lines alone that do not start with a time, or cannot be placed", () => {
    expect(readLeadingTime("Version 2:30 is out", berlin)).toBeNull();
    expect(readLeadingTime("25:00 is not a time", berlin)).toBeNull();
    expect(readLeadingTime("12:04", berlin)).toBeNull(); // nothing after it: a time, not a timed note
    expect(readLeadingTime("[12:04 unbalanced", berlin)).toBeNull();
    expect(readLeadingTime("12:04 no day known", { ...berlin, day: null })).toBeNull();
    expect(readLeadingTime("12:04 no anchor", null)).toBeNull();
  });
});

describe("importNotes keeps the times notes carry", () => {
  it("turns leading times into block times, text and attribution read after them", () => {
    const text = [
      "DevOps Day, Santa Clara, CA",
      "June 25, 2010",
      "",
      "Making The Business Case",
      "",
      "Panelists:",
      "Jody Mulkey (Shopzilla)",
      "Jay Lyman (451 Group)",
      "",
      "- 14:05 Q: What are the anti-patterns?",
      "  - [14:06:30] Jody: focus on unplanned work",
      "- no time here",
    ].join("\n");
    const { document } = importNotes(text, { times: { timeZone: "America/Los_Angeles" } });
    const [q, plain] = document.blocks;
    expect(q).toMatchObject({ type: "question", text: "What are the anti-patterns?", at: "2010-06-25T21:05:00.000Z" });
    if (q?.type !== "question") throw new Error("expected a question");
    expect(q.answers[0]).toMatchObject({
      type: "statement",
      text: "focus on unplanned work",
      at: "2010-06-25T21:06:30.000Z",
    });
    expect(plain).not.toHaveProperty("at");
  });
});
