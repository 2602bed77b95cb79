import { describe, expect, it } from "vitest";
import { instantToWallTime } from "./instant-to-wall-time";
import { wallTimeToInstant } from "./wall-time-to-instant";

describe("wallTimeToInstant and instantToWallTime", () => {
  it("reads a typed time on the conference's clock, across a DST change", () => {
    expect(wallTimeToInstant("2026-06-12T09:00", "Europe/Berlin")).toBe("2026-06-12T09:00:00+02:00");
    expect(wallTimeToInstant("2026-01-12T09:00", "Europe/Berlin")).toBe("2026-01-12T09:00:00+01:00");
    expect(wallTimeToInstant("2026-06-12T09:00", "Etc/GMT-2")).toBe("2026-06-12T09:00:00+02:00");
    expect(wallTimeToInstant("2026-06-12T09:00", "Nowhere/Else")).toBe("2026-06-12T09:00:00+00:00");
  });

  it("leaves values with an offset, empty values and garbage alone", () => {
    expect(wallTimeToInstant("2026-06-12T09:00:00-07:00", "Europe/Berlin")).toBe("2026-06-12T09:00:00-07:00");
    expect(wallTimeToInstant("", "Europe/Berlin")).toBe("");
    expect(wallTimeToInstant("tomorrow", "Europe/Berlin")).toBe("tomorrow");
  });

  it("shows an instant on the conference's clock, the inverse of reading it", () => {
    const instant = new Date(wallTimeToInstant("2026-06-12T09:05", "America/New_York"));
    expect(instantToWallTime(instant, "America/New_York")).toBe("2026-06-12T09:05");
    expect(instantToWallTime(instant, "UTC")).toBe("2026-06-12T13:05");
    expect(instantToWallTime(null, "UTC")).toBe("");
  });
});
