import { describe, expect, it } from "vitest";
import { nowAndNext } from "./now-and-next";

const at = (hhmm: string) => new Date(`2026-06-12T${hhmm}:00Z`);
const session = (id: string, room: string | null, start: string | null, end: string | null = null) => ({
  id,
  room,
  startsAt: start ? at(start) : null,
  endsAt: end ? at(end) : null,
});

describe("nowAndNext", () => {
  const sessions = [
    session("a1", "A", "09:00", "09:45"),
    session("a2", "A", "10:00", "10:45"),
    session("a3", "A", "11:00", "11:45"),
    session("b1", "B", "09:00"),
    session("b2", "B", "10:30"),
    session("x", null, null),
  ];

  it("marks what runs now and what comes next, room by room", () => {
    expect(Object.fromEntries(nowAndNext(sessions, at("09:30")))).toEqual({
      a1: "now",
      a2: "next",
      b1: "now",
      b2: "next",
    });
  });

  it("runs a session without an end until the next one in its room", () => {
    expect(nowAndNext(sessions, at("10:15")).get("b1")).toBe("now");
    expect(nowAndNext(sessions, at("10:15")).get("a2")).toBe("now");
  });

  it("marks nothing between talks but the next one, and nothing long after the end", () => {
    expect(Object.fromEntries(nowAndNext(sessions, at("09:50")))).toEqual({ a2: "next", b1: "now", b2: "next" });
    expect(nowAndNext(sessions, new Date("2026-06-13T12:00:00Z")).size).toBe(0);
    expect(nowAndNext(sessions, new Date("2026-05-01T12:00:00Z")).size).toBe(0);
  });
});
