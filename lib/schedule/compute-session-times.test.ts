import { afterEach, describe, expect, it } from "vitest";
import { computeSessionTimes } from "./compute-session-times";
import { parseScheduleDuration } from "./parse-schedule-duration";
import { zoneOffsetMinutes } from "./zone-offset-minutes";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("computeSessionTimes", () => {
  it("uses the offset written in date, whatever the host's zone", () => {
    for (const tz of ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"]) {
      process.env.TZ = tz;
      expect(
        computeSessionTimes({
          date: "2014-12-27T23:30:00+01:00",
          start: "23:30",
          duration: "01:00",
          fallbackOffsetMinutes: null,
        }),
      ).toEqual({
        ok: true,
        startsAt: "2014-12-27T23:30:00+01:00",
        endsAt: "2014-12-28T00:30:00+01:00",
        durationMinutes: 60,
      });
    }
  });

  it("writes Z as +00:00 and handles H:MM:SS durations", () => {
    expect(
      computeSessionTimes({ date: "2024-01-01T09:00:00Z", duration: "0:20:30", fallbackOffsetMinutes: null }),
    ).toEqual({
      ok: true,
      startsAt: "2024-01-01T09:00:00+00:00",
      endsAt: "2024-01-01T09:20:30+00:00",
      durationMinutes: 21,
    });
  });

  it("combines a bare date with start and the fallback offset", () => {
    const r = computeSessionTimes({
      date: "2024-06-01",
      start: "14:15",
      duration: "00:45",
      fallbackOffsetMinutes: 120,
    });
    expect(r).toMatchObject({ startsAt: "2024-06-01T14:15:00+02:00", endsAt: "2024-06-01T15:00:00+02:00" });
  });

  it("puts an after-midnight start on the next calendar day when only the day's date is known", () => {
    const day = { dayDate: "2014-12-27", dayStart: "2014-12-27T11:00:00+01:00", fallbackOffsetMinutes: null };
    expect(computeSessionTimes({ ...day, start: "00:15", duration: "02:00" })).toMatchObject({
      startsAt: "2014-12-28T00:15:00+01:00",
    });
    expect(computeSessionTimes({ ...day, start: "11:00", duration: "00:30" })).toMatchObject({
      startsAt: "2014-12-27T11:00:00+01:00",
    });
  });

  it("says which field is wrong instead of guessing", () => {
    expect(computeSessionTimes({ date: "27.12.2014", duration: "01:00", fallbackOffsetMinutes: 60 })).toEqual({
      ok: false,
      field: "date",
      detail: 'invalid date-time "27.12.2014"',
    });
    expect(
      computeSessionTimes({ date: "2014-12-27T10:00:00", duration: "01:00", fallbackOffsetMinutes: null }),
    ).toMatchObject({ ok: false, field: "date", detail: expect.stringContaining("no UTC offset") });
    expect(computeSessionTimes({ date: "2014-12-27T10:00:00+01:00", fallbackOffsetMinutes: null })).toEqual({
      ok: false,
      field: "duration",
      detail: "missing duration",
    });
    expect(
      computeSessionTimes({ dayDate: "2014-12-27", start: "25:00", duration: "01:00", fallbackOffsetMinutes: 60 }),
    ).toMatchObject({ ok: false, field: "start" });
    expect(
      computeSessionTimes({ date: "2014-02-30T10:00:00+01:00", duration: "01:00", fallbackOffsetMinutes: null }),
    ).toMatchObject({ ok: false, field: "date" });
  });
});

describe("parseScheduleDuration", () => {
  it.each([
    ["00:30", 1800],
    ["1:00", 3600],
    ["02:15", 8100],
    ["1:00:30", 3630],
    ["100:00", 360000],
  ])("%s -> %i s", (text, seconds) => expect(parseScheduleDuration(text)).toBe(seconds));
  it.each(["", "1h", "00:60", "1:2", "-0:30", "01:00:60"])("refuses %j", (text) =>
    expect(parseScheduleDuration(text)).toBeNull(),
  );
});

describe("zoneOffsetMinutes", () => {
  it("follows DST in the named zone and refuses unknown zones", () => {
    expect(zoneOffsetMinutes("Europe/Berlin", Date.UTC(2024, 0, 15, 12))).toBe(60);
    expect(zoneOffsetMinutes("Europe/Berlin", Date.UTC(2024, 6, 15, 12))).toBe(120);
    expect(zoneOffsetMinutes("UTC", Date.UTC(2024, 6, 15, 12))).toBe(0);
    expect(zoneOffsetMinutes("Mars/Olympus_Mons", 0)).toBeNull();
  });
});
