import { describe, expect, it } from "vitest";
import { agendaDays } from "./agenda-days";

describe("agendaDays", () => {
  const s = (id: string, iso: string | null) => ({ id, startsAt: iso ? new Date(iso) : null });

  it("groups by day in the conference's zone, in time order, unscheduled last", () => {
    const days = agendaDays(
      [
        s("late", "2010-06-26T03:30:00Z"),
        s("none", null),
        s("early", "2010-06-25T16:00:00Z"),
        s("next", "2010-06-26T17:00:00Z"),
      ],
      "America/Los_Angeles",
    );
    expect(days.map((d) => [d.date, d.sessions.map((x) => x.session.id)])).toEqual([
      ["2010-06-25", ["early", "late"]], // 03:30 UTC on the 26th is the evening of the 25th in California
      ["2010-06-26", ["next"]],
      [null, ["none"]],
    ]);
    expect(days[0]!.label).toBe("Friday, June 25, 2010");
    expect(days[0]!.sessions[1]!.time).toBe("8:30 PM");
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(agendaDays([s("a", "2010-06-26T03:30:00Z")], "Nowhere/Else")[0]!.date).toBe("2010-06-26");
  });
});
