import { describe, expect, it } from "vitest";
import { estimateClockOffset } from "./estimate-clock-offset";
import { formatClockTime } from "./format-clock-time";
import { measureClockOffset } from "./measure-clock-offset";

describe("estimateClockOffset", () => {
  it("adds half the round trip to the server's reading", () => {
    // Local clock 1 h behind: sent at 1000, server read 3_600_000 + 1050, received at 1100.
    expect(estimateClockOffset([{ sentAt: 1000, serverTime: 3_601_050, receivedAt: 1100 }])).toBe(3_600_000);
  });
  it("trusts the shortest round trip", () => {
    const offset = estimateClockOffset([
      { sentAt: 0, serverTime: 900, receivedAt: 1000 }, // queued: 1 s round trip
      { sentAt: 2000, serverTime: 7010, receivedAt: 2020 }, // 20 ms
    ]);
    expect(offset).toBe(7010 + 10 - 2020);
  });
  it("ignores unusable samples and gives null without any", () => {
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ sentAt: 10, serverTime: 5, receivedAt: 5 }])).toBeNull();
    expect(estimateClockOffset([{ sentAt: 0, serverTime: Number.NaN, receivedAt: 5 }])).toBeNull();
  });
});

describe("measureClockOffset", () => {
  it("finds a skewed client's offset within the round trip's uncertainty", async () => {
    const skew = -7_200_000; // this laptop is two hours slow
    const local = () => Date.now() + skew;
    const offset = await measureClockOffset(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return Date.now();
    }, local);
    expect(offset).not.toBeNull();
    expect(Math.abs(offset! + skew)).toBeLessThan(50);
  });
  it("keeps going when a round fails, null when all do", async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new Error("offline");
      return Date.now();
    };
    expect(await measureClockOffset(flaky, Date.now)).not.toBeNull();
    expect(await measureClockOffset(() => Promise.reject(new Error("down")), Date.now)).toBeNull();
  });
});

describe("formatClockTime renders in the conference's zone", () => {
  const instant = "2026-06-12T12:04:30Z";
  it.each([
    ["UTC", "12:04"],
    ["Europe/Berlin", "14:04"],
    ["America/Los_Angeles", "05:04"],
    ["Asia/Kolkata", "17:34"],
    [null, "12:04"],
    ["Not/AZone", "12:04"],
  ])("%s -> %s", (zone, expected) => {
    expect(formatClockTime(instant, zone)).toBe(expected);
  });
  it("with seconds, across midnight, and nothing for nonsense", () => {
    expect(formatClockTime(instant, "Europe/Berlin", { seconds: true })).toBe("14:04:30");
    expect(formatClockTime("2026-06-12T23:30:00Z", "Europe/Berlin")).toBe("01:30");
    expect(formatClockTime("yesterday", "UTC")).toBe("");
  });
});
