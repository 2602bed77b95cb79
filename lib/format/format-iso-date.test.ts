import { describe, expect, it } from "vitest";
import { formatIsoDate } from "./format-iso-date";

describe("formatIsoDate", () => {
  it("writes a calendar date as the exports do, and nothing for what is not exactly one", () => {
    expect(formatIsoDate("2010-06-25")).toBe("June 25, 2010");
    expect(formatIsoDate("2026-01-01")).toBe("January 1, 2026");
    expect(formatIsoDate("2010-06-25T10:00:00Z")).toBeNull();
    expect(formatIsoDate("2010-13-01")).toBeNull();
    expect(formatIsoDate("2010-06-00")).toBeNull();
    expect(formatIsoDate("")).toBeNull();
    expect(formatIsoDate(null)).toBeNull();
    expect(formatIsoDate(undefined)).toBeNull();
  });
});
