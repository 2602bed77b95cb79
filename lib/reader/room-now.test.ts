import { describe, expect, it } from "vitest";
import { formatSessionTime } from "../format/format-session-time";
import { roomNow } from "./room-now";

const at = (iso: string) => new Date(iso);
const session = (id: string, room: string | null, startsAt: string | null, endsAt: string | null = null) => ({
  id,
  room,
  startsAt: startsAt ? at(startsAt) : null,
  endsAt: endsAt ? at(endsAt) : null,
});

// A late session in Berlin (UTC+1 in winter): 23:30–00:30 local is 22:30–23:30 UTC, across local midnight.
const schedule = [
  session("late", "Room A", "2026-12-01T22:30:00Z", "2026-12-01T23:30:00Z"),
  session("morning", "Room A", "2026-12-02T08:00:00Z"),
  session("after-morning", "Room A", "2026-12-02T09:30:00Z"),
  session("elsewhere", "Room B", "2026-12-01T22:00:00Z", "2026-12-02T02:00:00Z"),
  session("untimed", "Room A", null),
];

describe("roomNow", () => {
  it("is the session running in the room, across local midnight", () => {
    // 00:10 in Berlin on Dec 2, still Dec 1 in UTC.
    const r = roomNow(schedule, "Room A", at("2026-12-01T23:10:00Z"));
    expect(r.live?.id).toBe("late");
    expect(r.next?.id).toBe("morning");
    expect(r.changesAt).toEqual(at("2026-12-01T23:30:00Z")); // when "late" ends
  });

  it("ends a session at its end time, exactly; nothing live until the next starts", () => {
    const r = roomNow(schedule, "Room A", at("2026-12-01T23:30:00Z"));
    expect(r.live).toBeNull();
    expect(r.next?.id).toBe("morning");
    // "Next" is written in the conference's zone: the next morning in Berlin.
    expect(formatSessionTime(r.next!.startsAt!, null, "Europe/Berlin")).toBe("Wed, Dec 2, 9:00 AM");
  });

  it("runs a session without an end until the next one in the room starts", () => {
    expect(roomNow(schedule, "Room A", at("2026-12-02T09:29:59Z")).live?.id).toBe("morning");
    expect(roomNow(schedule, "Room A", at("2026-12-02T09:29:59Z")).changesAt).toEqual(at("2026-12-02T09:30:00Z"));
    expect(roomNow(schedule, "Room A", at("2026-12-02T09:30:00Z")).live?.id).toBe("after-morning");
    // …and the last one of the day for an hour.
    expect(roomNow(schedule, "Room A", at("2026-12-02T10:31:00Z"))).toEqual({
      live: null,
      next: null,
      changesAt: null,
    });
  });

  it("looks at its own room only, and at the start instant, not a calendar day", () => {
    expect(roomNow(schedule, "Room B", at("2026-12-02T01:00:00Z")).live?.id).toBe("elsewhere");
    expect(roomNow(schedule, "Room C", at("2026-12-02T01:00:00Z"))).toEqual({
      live: null,
      next: null,
      changesAt: null,
    });
    expect(roomNow(schedule, "Room A", at("2026-12-01T22:29:59Z")).live).toBeNull();
    expect(roomNow(schedule, "Room A", at("2026-12-01T22:30:00Z")).live?.id).toBe("late");
  });
});
