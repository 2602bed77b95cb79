import { describe, expect, it } from "vitest";
import { formatSessionTime } from "./format-session-time";

describe("formatSessionTime", () => {
  it("shows the day and times in the conference's time zone", () => {
    const start = new Date("2010-06-25T17:30:00Z");
    const end = new Date("2010-06-25T18:15:00Z");
    expect(formatSessionTime(start, end, "America/Los_Angeles")).toBe("Fri, Jun 25, 10:30 AM – 11:15 AM");
    expect(formatSessionTime(start, null, "UTC")).toBe("Fri, Jun 25, 5:30 PM");
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(formatSessionTime(new Date("2010-06-25T17:30:00Z"), null, "Mars/Olympus")).toBe("Fri, Jun 25, 5:30 PM");
  });
});
