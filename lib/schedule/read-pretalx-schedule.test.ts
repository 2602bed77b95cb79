import { describe, expect, it } from "vitest";
import { scheduleFixture as fixture } from "../../tests/support/schedule-fixture";
import { thrownScheduleError as thrown } from "../../tests/support/thrown-schedule-error";
import { readPretalxSchedule } from "./read-pretalx-schedule";

describe("readPretalxSchedule on a small schedule of our own", () => {
  const s = readPretalxSchedule(fixture("small-pretalx.json"));

  it("reads the conference, declared rooms and tracks", () => {
    expect(s.source).toBe("pretalx");
    expect(s.conference).toEqual({
      externalId: "smallcon",
      name: "SmallCon",
      slug: "smallcon",
      startsOn: "2024-03-09",
      endsOn: "2024-03-10",
      timezone: "America/New_York",
      url: "https://smallcon.example/",
    });
    expect(s.days).toBe(2);
    expect(s.rooms).toEqual(["Main Hall", "Room B"]);
    expect(s.tracks).toEqual(["Ops", "Culture"]);
  });

  it("keeps each event's own offset across a DST change and maps kinds", () => {
    expect(s.sessions.map((x) => [x.title, x.kind, x.type, x.startsAt, x.endsAt])).toEqual([
      ["Keynote: Deploys on Fridays", "keynote", "Keynote", "2024-03-09T09:00:00-05:00", "2024-03-09T09:45:00-05:00"],
      [
        "Panel Discussion: Making The Business Case",
        "panel",
        "Panel Discussion",
        "2024-03-09T10:00:00-05:00",
        "2024-03-09T11:00:00-05:00",
      ],
      ["Ignite: After Hours", "ignite", "Ignite", "2024-03-09T23:30:00-05:00", "2024-03-10T00:30:00-05:00"],
      ["Terraform Workshop", "workshop", "Workshop", "2024-03-10T10:00:00-04:00", "2024-03-10T12:00:00-04:00"],
    ]);
  });

  it("turns null and empty text into absent fields", () => {
    expect(s.sessions[2]).toEqual({
      externalId: "bbbbbbbb-0000-4000-8000-000000000003",
      title: "Ignite: After Hours",
      kind: "ignite",
      type: "Ignite",
      room: "Room B",
      startsAt: "2024-03-09T23:30:00-05:00",
      durationMinutes: 60,
      endsAt: "2024-03-10T00:30:00-05:00",
      url: "https://pretalx.example/smallcon/talk/CCC333/",
      personIds: [],
    });
    expect(s.sessions[1]?.subtitle).toBe("What the CFO wants");
    expect(s.sessions[1]?.description).toBe("Long form.");
  });

  it("collects people by code, keeps the first non-empty biography, derives ids for name-only persons", () => {
    expect(s.people).toEqual([
      { externalId: "P10AAA", name: "John Allspaw", biography: "Ops person." },
      { externalId: "P11BBB", name: "Jesse Robbins", biography: "Chef." },
      { externalId: "name:audience member", name: "Audience Member" },
    ]);
    expect(s.sessions[1]?.personIds).toEqual(["P10AAA", "P11BBB", "name:audience member"]);
  });

  it("uses `end` when a newer export gives no duration, and the day's offset for a date without one", () => {
    const doc = JSON.parse(fixture("small-pretalx.json"));
    const ev = doc.schedule.conference.days[1].rooms["Main Hall"][0];
    delete ev.duration;
    ev.end = "2024-03-10T11:15:00-04:00";
    const first = doc.schedule.conference.days[0].rooms["Main Hall"][0];
    first.date = "2024-03-09T09:00:00";
    const r = readPretalxSchedule(JSON.stringify(doc));
    expect(r.sessions[3]).toMatchObject({ durationMinutes: 75, endsAt: "2024-03-10T11:15:00-04:00" });
    expect(r.sessions[0]?.startsAt).toBe("2024-03-09T09:00:00-05:00");
  });
});

describe("readPretalxSchedule refusals (all or nothing)", () => {
  it("reports malformed JSON with line and column", () => {
    const e = thrown(() => readPretalxSchedule(fixture("malformed.json")));
    expect(e.code).toBe("malformed");
    expect(e.message).toMatch(/^Malformed JSON at line 8, column \d+: /);
  });

  it("refuses XML with wrong-format", () => {
    const e = thrown(() => readPretalxSchedule(fixture("small-frab.xml")));
    expect(e.code).toBe("wrong-format");
    expect(e.message).toContain("This is XML, not pretalx schedule JSON");
  });

  it("refuses JSON that is not a schedule export, naming what it found", () => {
    const e = thrown(() => readPretalxSchedule('{"format":"talknotes/1","blocks":[]}'));
    expect(e.code).toBe("wrong-format");
    expect(e.message).toBe(
      'JSON is not a schedule export: expected a top-level "schedule" object, found keys "format", "blocks".',
    );
  });

  it("names each problem by JSON path and imports nothing", () => {
    const e = thrown(() => readPretalxSchedule(fixture("missing-fields.json")));
    expect(e.code).toBe("missing-field");
    expect(e.problemCount).toBe(4);
    expect(e.message.split("\n")).toEqual([
      "pretalx schedule has 4 problems:",
      '- schedule.conference.days[1].rooms["Saal 1"][2].duration: missing duration',
      '- schedule.conference.days[1].rooms["Saal 1"][3].title: missing',
      '- schedule.conference.days[1].rooms["Saal 1"][4].persons[0].public_name: missing (neither public_name nor name)',
      '- schedule.conference.days[1].rooms["Saal 1"][5].title: expected a string, got number',
    ]);
  });

  it("names a missing conference", () => {
    const e = thrown(() => readPretalxSchedule('{"schedule":{"version":"1"}}'));
    expect(e.code).toBe("missing-field");
    expect(e.message).toBe("pretalx schedule: schedule.conference: missing");
  });
});

describe("readPretalxSchedule when time_zone_name and the events' offsets disagree", () => {
  const schedule = (zone: string, date: string) =>
    JSON.stringify({
      schedule: {
        conference: {
          title: "ZoneCon",
          start: "2026-06-12",
          end: "2026-06-12",
          time_zone_name: zone,
          days: [
            {
              date: "2026-06-12",
              rooms: {
                Aula: [
                  { guid: "e1", title: "Opening", date, start: "09:00", duration: "00:30", room: "Aula", persons: [] },
                ],
              },
            },
          ],
        },
      },
    });

  it("trusts the per-event offset: the conference zone becomes that offset, so 09:00 reads as 9:00", () => {
    const s = readPretalxSchedule(schedule("Europe/London", "2026-06-12T09:00:00+02:00"));
    expect(s.sessions[0]!.startsAt).toBe("2026-06-12T09:00:00+02:00");
    expect(s.conference.timezone).toBe("+02:00");
  });

  it("keeps a zone name that agrees with the events", () => {
    const s = readPretalxSchedule(schedule("Europe/Berlin", "2026-06-12T09:00:00+02:00"));
    expect(s.conference.timezone).toBe("Europe/Berlin");
    expect(s.sessions[0]!.startsAt).toBe("2026-06-12T09:00:00+02:00");
  });

  it("drops an unknown zone name in favour of the events' offset", () => {
    expect(readPretalxSchedule(schedule("Mars/Olympus", "2026-06-12T09:00:00-04:00")).conference.timezone).toBe(
      "-04:00",
    );
  });
});
