import { describe, expect, it } from "vitest";
import { scheduleFixture as fixture } from "../../tests/support/schedule-fixture";
import { thrownScheduleError as thrown } from "../../tests/support/thrown-schedule-error";
import { readFrabSchedule } from "./read-frab-schedule";

describe("readFrabSchedule on a small schedule of our own", () => {
  const s = readFrabSchedule(fixture("small-frab.xml"));

  it("reads the conference, decoding entities and keeping the zone name", () => {
    expect(s.source).toBe("frab");
    expect(s.conference).toEqual({
      externalId: "TestCon24",
      name: "Test Conference & Friends",
      slug: "testcon24",
      startsOn: "2024-03-09",
      endsOn: "2024-03-10",
      timezone: "Europe/Berlin",
      url: "https://testcon.example/",
    });
    expect(s.days).toBe(2);
    expect(s.rooms).toEqual(["Saal 1", "Saal 2"]);
    expect(s.tracks).toEqual(["Main", "Security & Hacking", "Community", "Entertainment"]);
  });

  it("reads every event with its fields, mapped kind and computed times", () => {
    expect(s.sessions.map((x) => [x.externalId.slice(-1), x.kind, x.startsAt, x.endsAt, x.durationMinutes])).toEqual([
      ["1", "keynote", "2024-03-09T10:00:00+01:00", "2024-03-09T10:45:00+01:00", 45],
      ["2", "talk", "2024-03-09T11:00:00+01:00", "2024-03-09T12:00:00+01:00", 60],
      ["3", "ignite", "2024-03-09T11:00:00+01:00", "2024-03-09T11:30:00+01:00", 30],
      ["4", "other", "2024-03-10T00:30:00+01:00", "2024-03-10T02:45:00+01:00", 135],
      ["5", "panel", "2024-03-10T10:00:00+01:00", "2024-03-10T11:00:00+01:00", 60],
      ["6", "workshop", "2024-03-10T11:30:00+01:00", "2024-03-10T13:30:00+01:00", 120],
    ]);
    expect(s.sessions[0]).toEqual({
      externalId: "aaaaaaaa-0000-4000-8000-000000000001",
      title: "Opening Keynote",
      subtitle: "Why we are here",
      abstract: "An opening.",
      kind: "keynote",
      type: "keynote",
      language: "en",
      room: "Saal 1",
      track: "Main",
      startsAt: "2024-03-09T10:00:00+01:00",
      durationMinutes: 45,
      endsAt: "2024-03-09T10:45:00+01:00",
      url: "https://testcon.example/events/101",
      personIds: ["1"],
    });
  });

  it("keeps CDATA text literally and decodes character references, never markup", () => {
    const parsing = s.sessions[1];
    expect(parsing?.abstract).toBe('Why <!ENTITY lol "lol"> in a DOCTYPE is dangerous, and what M&#228;rz means.');
    expect(parsing?.description).toBe("Grüße – <b>not bold</b>");
    expect(parsing?.subtitle).toBeUndefined();
    expect(parsing?.language).toBe("de");
  });

  it("collects distinct people by id, deriving an id for a name-only person", () => {
    expect(s.people).toEqual([
      { externalId: "1", name: "Ada Lovelace" },
      { externalId: "2", name: "Grace Hopper" },
      { externalId: "name:linus anon", name: "Linus Anon" },
      { externalId: "3", name: "Margaret Hamilton" },
      { externalId: "4", name: "Katherine Johnson" },
    ]);
    expect(s.sessions[1]?.personIds).toEqual(["2", "name:linus anon"]);
    expect(s.sessions[3]?.personIds).toEqual([]);
  });

  it("falls back to the day's date and start for old exports without <date>, past midnight included", () => {
    const old = fixture("small-frab.xml")
      .replace(/<date>[^<]*<\/date>/g, "")
      .replace(/<time_zone_name>[^<]*<\/time_zone_name>/, "");
    const r = readFrabSchedule(old);
    expect(r.sessions.find((x) => x.title === "Late Night Film")?.startsAt).toBe("2024-03-10T00:30:00+01:00");
    expect(r.sessions.find((x) => x.title === "Opening Keynote")?.startsAt).toBe("2024-03-09T10:00:00+01:00");
    expect(r.conference.timezone).toBe("+01:00");
  });
});

describe("readFrabSchedule refusals (all or nothing)", () => {
  it("reports malformed XML with its line", () => {
    const e = thrown(() => readFrabSchedule(fixture("malformed.xml")));
    expect(e.code).toBe("malformed");
    expect(e.message).toMatch(/^Malformed XML at line \d+, column \d+: /);
  });

  it("refuses JSON with wrong-format", () => {
    const e = thrown(() => readFrabSchedule(fixture("small-pretalx.json")));
    expect(e.code).toBe("wrong-format");
    expect(e.message).toContain("This is JSON, not frab schedule XML");
  });

  it("refuses XML that is not a schedule, naming its root", () => {
    const e = thrown(() => readFrabSchedule('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'));
    expect(e.code).toBe("wrong-format");
    expect(e.message).toBe("XML root is <rss>, not <schedule>: this is not a frab/pentabarf schedule.");
  });

  it("names each event and element that is missing or wrong", () => {
    const e = thrown(() => readFrabSchedule(fixture("missing-fields.xml")));
    expect(e.code).toBe("missing-field");
    expect(e.problemCount).toBe(3);
    expect(e.message.split("\n")).toEqual([
      "frab schedule has 3 problems:",
      '- event id=6543 (day 2, room "Saal 1"): missing <title>',
      '- event id=6544 (day 2, room "Saal 1"): <duration>: missing duration',
      '- event id=6545 (day 2, room "Saal 1"): <duration>: invalid duration "1h" (expected HH:MM)',
    ]);
  });

  it("lists at most 10 problems but counts them all", () => {
    const events = Array.from(
      { length: 15 },
      (_, i) =>
        `<event guid="g${i}" id="${i + 1}"><date>2024-03-09T10:00:00+01:00</date><duration>00:30</duration><room>A</room><type>lecture</type></event>`,
    ).join("");
    const xml = `<schedule><version>1</version><conference><title>T</title><start>2024-03-09</start><end>2024-03-09</end></conference><day index="1" date="2024-03-09" start="2024-03-09T10:00:00+01:00" end="2024-03-09T20:00:00+01:00"><room name="A">${events}</room></day></schedule>`;
    const e = thrown(() => readFrabSchedule(xml));
    expect(e.problemCount).toBe(15);
    expect(e.problems).toHaveLength(10);
    expect(e.message.split("\n")[0]).toBe("frab schedule has 15 problems (first 10 listed):");
    expect(e.message.split("\n")).toHaveLength(11);
    expect(e.message).toContain('- event id=10 (day 1, room "A"): missing <title>');
    expect(e.message).not.toContain("id=11 ");
  });

  it("refuses a duplicated event guid, since re-imports match on it", () => {
    const xml = fixture("small-frab.xml").replace(
      'guid="aaaaaaaa-0000-4000-8000-000000000002"',
      'guid="aaaaaaaa-0000-4000-8000-000000000001"',
    );
    const e = thrown(() => readFrabSchedule(xml));
    expect(e.code).toBe("malformed");
    expect(e.message).toBe(
      'frab schedule: event id=102 (day 1, room "Saal 1"): duplicate guid "aaaaaaaa-0000-4000-8000-000000000001" (also event id=101 (day 1, room "Saal 1"))',
    );
  });

  it.each([
    ["billion-laughs.xml", /<!ENTITY declarations/],
    ["xxe.xml", /<!ENTITY declarations/],
    ["external-dtd.xml", /external DTD/],
  ])("refuses %s before parsing", (name, why) => {
    const e = thrown(() => readFrabSchedule(fixture(name)));
    expect(e.code).toBe("unsafe-xml");
    expect(e.message).toMatch(why);
  });

  it("refuses entity declarations hidden after a comment or in lower case, and accepts a harmless DOCTYPE", () => {
    const body = fixture("small-frab.xml").replace(/^<\?xml[^>]*\?>/, "");
    expect(
      thrown(() => readFrabSchedule(`<!-- ] > -->\n<!DOCTYPE schedule [<!-- ]> --><!entity a "b">]>${body}`)).code,
    ).toBe("unsafe-xml");
    expect(readFrabSchedule(`<!DOCTYPE schedule>${body}`).sessions).toHaveLength(6);
  });

  it("never expands a DOCTYPE entity that slips past the prolog check", () => {
    // A DOCTYPE inside the root is not in the prolog, so rejectUnsafeXml does not see it;
    // the parser reads it, and our entity decoder must still refuse to expand it.
    const xml = fixture("small-frab.xml")
      .replace("<schedule>", '<schedule><!DOCTYPE x [<!ENTITY boom "BOOM">]>')
      .replace("<title>Opening Keynote</title>", "<title>&boom;</title>");
    expect(readFrabSchedule(xml).sessions[0]?.title).toBe("&boom;");
  });
});
