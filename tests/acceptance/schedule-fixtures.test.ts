/**
 * The schedule readers against real exports nobody on this project wrote:
 * 31C3's frab XML and a pretalx demo JSON (../shared/fixtures/schedules).
 * Counts are established twice: by a different method here (regular
 * expressions over the raw text) and as numbers checked by hand.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFrabSchedule } from "../../lib/schedule/read-frab-schedule";
import { readPretalxSchedule } from "../../lib/schedule/read-pretalx-schedule";
import { readSchedule } from "../../lib/schedule/read-schedule";
import type { ScheduleImport } from "../../lib/schedule/types";

const fixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures");
const exists = existsSync(path.join(fixtures, "schedules"));
if (!exists) console.log("skipped: ../shared not found");

const read = (name: string) => readFileSync(path.join(fixtures, "schedules", name), "utf8");
const distinct = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => m[1])).size;
const count = (text: string, re: RegExp) => [...text.matchAll(re)].length;

function session(s: ScheduleImport, externalId: string) {
  const found = s.sessions.find((x) => x.externalId === externalId);
  if (!found) throw new Error(`no session ${externalId}`);
  const names = new Map(s.people.map((p) => [p.externalId, p.name]));
  return {
    title: found.title,
    room: found.room,
    startsAt: found.startsAt,
    endsAt: found.endsAt,
    kind: found.kind,
    type: found.type,
    track: found.track,
    speakers: found.personIds.map((id) => names.get(id)),
  };
}

function expectConsistentTimes(s: ScheduleImport) {
  for (const x of s.sessions) {
    expect((Date.parse(x.endsAt) - Date.parse(x.startsAt)) / 60_000, x.title).toBe(x.durationMinutes);
    expect(x.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  }
}

describe.skipIf(!exists)("frab XML: 31C3", () => {
  const text = exists ? read("frab-31c3.xml") : "";
  const s = exists ? readFrabSchedule(text) : (undefined as never);

  it("has the counts the raw text has", () => {
    const independent = {
      days: count(text, /<day\s/g),
      sessions: count(text, /<event\s/g),
      rooms: distinct(text, /<room name='([^']+)'/g),
      people: distinct(text, /<person id='(\d+)'>/g),
      minutes: [...text.matchAll(/<duration>(\d+):(\d+)<\/duration>/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0),
    };
    expect(independent).toEqual({ days: 4, sessions: 138, rooms: 4, people: 198, minutes: 7750 });
    expect({
      days: s.days,
      sessions: s.sessions.length,
      rooms: s.rooms.length,
      people: s.people.length,
      minutes: s.sessions.reduce((sum, x) => sum + x.durationMinutes, 0),
    }).toEqual(independent);
    expect(s.rooms).toEqual(["Saal 1", "Saal 2", "Saal G", "Saal 6"]);
    expect(s.tracks).toHaveLength(8);
    expect(new Set(s.sessions.map((x) => x.kind))).toEqual(new Set(["talk", "other", "panel"]));
  });

  it("reads the conference", () => {
    expect(s.source).toBe("frab");
    expect(s.conference).toEqual({
      externalId: "31c3",
      name: "31. Chaos Communication Congress",
      slug: "31c3",
      startsOn: "2014-12-27",
      endsOn: "2014-12-31",
      timezone: "+01:00",
    });
  });

  it("reads sessions field by field", () => {
    expect(session(s, "29aecfd7-2e44-4f49-ab86-29b5e0877325")).toEqual({
      title: "31C3 Opening Event",
      room: "Saal 1",
      startsAt: "2014-12-27T11:00:00+01:00",
      endsAt: "2014-12-27T11:30:00+01:00",
      kind: "talk",
      type: "lecture",
      track: "CCC",
      speakers: ["erdgeist", "Geraldine de Bastion"],
    });
    // Day 1 in the file, but after midnight on the calendar.
    expect(session(s, "77aea78c-f2d2-461a-92b3-82929a79d598")).toEqual({
      title: "Citizenfour",
      room: "Saal 1",
      startsAt: "2014-12-28T00:00:00+01:00",
      endsAt: "2014-12-28T02:15:00+01:00",
      kind: "other",
      type: "other",
      track: "Entertainment",
      speakers: ["Laura Poitras"],
    });
    expect(session(s, "TvC3Zh1wVU8NotOjslV57Q")).toEqual({
      title: "Paypals War on Terror",
      room: "Saal 1",
      startsAt: "2014-12-30T16:00:00+01:00",
      endsAt: "2014-12-30T17:00:00+01:00",
      kind: "panel",
      type: "podium",
      track: "Ethics, Society & Politics",
      speakers: ["the_no", "absolem"],
    });
    expect(session(s, "Ls3UZdXbRpTYhYncqSJN_w")).toEqual({
      title: "Googlequiz – 2015er Edition",
      room: "Saal 1",
      startsAt: "2014-12-30T00:15:00+01:00",
      endsAt: "2014-12-30T02:15:00+01:00",
      kind: "other",
      type: "other",
      track: "Entertainment",
      speakers: ["Jöran Muuß-Merholz", "Ralf Appelt", "Blanche Fabri", "it4n6", "Martin Krönke"],
    });
    const maha = s.sessions.find((x) => x.externalId === "HOqeNIb6G7M4hYFKFRkCmQ");
    expect(maha).toMatchObject({ language: "de", subtitle: expect.stringMatching(/^Die digitale „Agenda“/) });
  });

  it("computes consistent times and finds it through readSchedule too", () => {
    expectConsistentTimes(s);
    expect(readSchedule(text, "schedule.xml")).toEqual(s);
  });
});

describe.skipIf(!exists)("pretalx JSON: DemoCon", () => {
  const text = exists ? read("pretalx-democon.json") : "";
  const s = exists ? readPretalxSchedule(text) : (undefined as never);

  it("has the counts the raw text has", () => {
    const independent = {
      days: count(text, /"day_start"/g),
      sessions: count(text, /"do_not_record"/g),
      rooms: distinct(text, /"room":\s*"([^"]+)"/g),
      people: distinct(text, /"code":\s*"([A-Z0-9]+)"/g),
    };
    expect(independent).toEqual({ days: 3, sessions: 36, rooms: 2, people: 27 });
    expect({ days: s.days, sessions: s.sessions.length, rooms: s.rooms.length, people: s.people.length }).toEqual(independent);
    expect(s.tracks).toEqual(["Phased", "Horizontal"]);
    expect(s.people.every((p) => p.biography && p.biography.length > 0)).toBe(true);
  });

  it("reads the conference; time_zone_name says UTC while the times say +01:00, and the times win", () => {
    expect(s.conference).toEqual({
      externalId: "democon",
      name: "DemoCon",
      slug: "democon",
      startsOn: "2020-12-14",
      endsOn: "2020-12-16",
      timezone: "+01:00", // the events' offset, not the contradicted zone name
      url: "http://localhost/democon/schedule/",
    });
    expect(s.sessions.every((x) => x.startsAt.endsWith("+01:00"))).toBe(true);
  });

  it("reads sessions field by field", () => {
    expect(session(s, "8079583e-8321-506c-95af-fd2903a5f075")).toEqual({
      title: "Focused 5thgeneration hardware",
      room: "Gray Room",
      startsAt: "2020-12-14T09:00:00+01:00",
      endsAt: "2020-12-14T09:30:00+01:00",
      kind: "talk",
      type: "Talk",
      track: "Phased",
      speakers: ["Brian Robinson"],
    });
    expect(session(s, "ba72da9d-a522-54f6-9301-4bf4f3446425")).toEqual({
      title: "Secured grid-enabled policy",
      room: "Tan Room",
      startsAt: "2020-12-14T11:30:00+01:00",
      endsAt: "2020-12-14T13:00:00+01:00",
      kind: "workshop",
      type: "Workshop",
      track: "Horizontal",
      speakers: ["Amy Sanchez", "Teresa Terrell"],
    });
    expect(session(s, "8def099f-0871-5d9f-95b8-de50f694e747")).toEqual({
      title: "Re-engineered bandwidth-monitored focus group",
      room: "Gray Room",
      startsAt: "2020-12-16T09:30:00+01:00",
      endsAt: "2020-12-16T10:00:00+01:00",
      kind: "talk",
      type: "Talk",
      track: "Phased",
      speakers: ["Stephanie Hudson", "Mariah Estrada", "Kathy Wallace"],
    });
    const speaker = s.people.find((p) => p.externalId === "NQTF8Y");
    expect(speaker?.name).toBe("Brian Robinson");
    expect(speaker?.biography).toMatch(/^Break through direction\./);
    expect(s.sessions.find((x) => x.externalId === "8079583e-8321-506c-95af-fd2903a5f075")?.url).toBe("http://localhost/democon/talk/G9JGWY/");
  });

  it("computes consistent times and finds it through readSchedule too", () => {
    expectConsistentTimes(s);
    expect(readSchedule(text)).toEqual(s);
  });
});
