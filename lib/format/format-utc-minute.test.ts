import { describe, expect, it } from "vitest";
import { formatUtcMinute } from "./format-utc-minute";

describe("formatUtcMinute", () => {
  it("writes the UTC minute whatever the process's zone, seconds dropped", () => {
    expect(formatUtcMinute(new Date("2026-06-12T09:30:59.999+02:00"))).toBe("2026-06-12 07:30 UTC");
    expect(formatUtcMinute(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe("2026-12-31 23:59 UTC");
  });
});
