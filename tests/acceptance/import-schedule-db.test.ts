/**
 * Schedule import into a real, freshly migrated SQLite file, over the two real
 * exports in ../shared/fixtures/schedules (31C3 frab XML, pretalx DemoCon
 * JSON): what lands in the database, checked with plain SQL, and a re-import
 * of the same file that changes nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { startTestDatabase } from "../support/test-database";

const fixtures = path.resolve(import.meta.dirname, "../../../shared/fixtures");
const exists = existsSync(path.join(fixtures, "schedules"));
if (!exists) console.log("skipped: ../shared not found");

// Before any server module reads the configuration.
const testDatabase = startTestDatabase({ prefix: "talknotes-schedule-acceptance-" });

const read = (name: string) => readFileSync(path.join(fixtures, "schedules", name), "utf8");

let db: Database.Database;
let importSchedule: typeof import("../../server/data/import-schedule").importSchedule;

beforeAll(async () => {
  const { openSqlite } = await import("../../server/db/open-sqlite");
  db = openSqlite(testDatabase.file);
  ({ importSchedule } = await import("../../server/data/import-schedule"));
});

afterAll(async () => {
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().$disconnect();
  db?.close();
});

function count(sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

/** A session as stored, read back with SQL (times as ISO instants, speakers in panel order). */
function stored(conferenceId: string, externalId: string) {
  const row = db
    .prepare(`SELECT id, title, kind, room, track, startsAt, endsAt, intro, slug FROM "Session" WHERE conferenceId = ? AND externalId = ?`)
    .get(conferenceId, externalId) as Record<string, string | number | null> | undefined;
  if (!row) throw new Error(`no session ${externalId}`);
  const speakers = (
    db
      .prepare(`SELECT p.name, sp.role FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp.personId WHERE sp.sessionId = ? ORDER BY sp.position`)
      .all(row.id) as { name: string; role: string }[]
  ).map((s) => `${s.name} (${s.role})`);
  return {
    title: row.title,
    kind: row.kind,
    room: row.room,
    track: row.track,
    startsAt: new Date(row.startsAt as number).toISOString(),
    endsAt: new Date(row.endsAt as number).toISOString(),
    speakers,
  };
}

function totals(conferenceId: string) {
  return {
    sessions: count(`SELECT COUNT(*) AS n FROM "Session" WHERE conferenceId = ?`, conferenceId),
    people: count(`SELECT COUNT(*) AS n FROM "Person" WHERE conferenceId = ?`, conferenceId),
    rooms: count(`SELECT COUNT(DISTINCT room) AS n FROM "Session" WHERE conferenceId = ?`, conferenceId),
    links: count(`SELECT COUNT(*) AS n FROM "SessionPerson" sp JOIN "Session" s ON s.id = sp.sessionId WHERE s.conferenceId = ?`, conferenceId),
    // Conference days run past midnight: a "day" is the calendar day six hours earlier (UTC is close enough here).
    days: new Set(
      (db.prepare(`SELECT startsAt FROM "Session" WHERE conferenceId = ?`).all(conferenceId) as { startsAt: string | number }[]).map((r) =>
        new Date(new Date(r.startsAt).getTime() - 6 * 3600_000).toISOString().slice(0, 10),
      ),
    ).size,
  };
}

describe.skipIf(!exists)("schedule import into SQLite: 31C3 frab XML", () => {
  it("stores every day, room, session and person, and the conference itself", async () => {
    const text = read("frab-31c3.xml");
    const started = performance.now();
    const result = await importSchedule({ text, filename: "frab-31c3.xml" });
    const ms = performance.now() - started;
    console.log(`import 31C3 (138 sessions, 198 people) into a fresh SQLite file: ${ms.toFixed(0)} ms`);

    expect(result.created).toBe(true);
    expect(result.counts).toEqual({ days: 4, rooms: 4, sessions: 138, people: 198 });
    expect(totals(result.conference.id)).toMatchObject({ sessions: 138, people: 198, rooms: 4, days: 4 });
    const conference = db.prepare(`SELECT slug, name, startsOn, endsOn, timezone FROM "Conference" WHERE id = ?`).get(result.conference.id);
    expect(conference).toEqual({
      slug: "31c3",
      name: "31. Chaos Communication Congress",
      startsOn: "2014-12-27",
      endsOn: "2014-12-31",
      timezone: "Etc/GMT-1",
    });
    expect(result.summary[0]).toBe("Sessions: 138 added, 0 changed, 0 removed, 0 unchanged. People: 198 added, 0 renamed, 0 no longer in the schedule.");
  });

  it("stores sessions field by field", () => {
    const id = (db.prepare(`SELECT id FROM "Conference" WHERE slug = '31c3'`).get() as { id: string }).id;
    expect(stored(id, "29aecfd7-2e44-4f49-ab86-29b5e0877325")).toEqual({
      title: "31C3 Opening Event",
      kind: "talk",
      room: "Saal 1",
      track: "CCC",
      startsAt: "2014-12-27T10:00:00.000Z",
      endsAt: "2014-12-27T10:30:00.000Z",
      speakers: ["erdgeist (speaker)", "Geraldine de Bastion (speaker)"],
    });
    expect(stored(id, "77aea78c-f2d2-461a-92b3-82929a79d598")).toEqual({
      title: "Citizenfour",
      kind: "other",
      room: "Saal 1",
      track: "Entertainment",
      startsAt: "2014-12-27T23:00:00.000Z",
      endsAt: "2014-12-28T01:15:00.000Z",
      speakers: ["Laura Poitras (speaker)"],
    });
    expect(stored(id, "TvC3Zh1wVU8NotOjslV57Q")).toEqual({
      title: "Paypals War on Terror",
      kind: "panel",
      room: "Saal 1",
      track: "Ethics, Society & Politics",
      startsAt: "2014-12-30T15:00:00.000Z",
      endsAt: "2014-12-30T16:00:00.000Z",
      speakers: ["the_no (speaker)", "absolem (speaker)"],
    });
    expect(stored(id, "Ls3UZdXbRpTYhYncqSJN_w").speakers).toEqual([
      "Jöran Muuß-Merholz (speaker)",
      "Ralf Appelt (speaker)",
      "Blanche Fabri (speaker)",
      "it4n6 (speaker)",
      "Martin Krönke (speaker)",
    ]);
    const maha = db.prepare(`SELECT intro FROM "Session" WHERE conferenceId = ? AND externalId = 'HOqeNIb6G7M4hYFKFRkCmQ'`).get(id) as { intro: string };
    expect(maha.intro).toMatch(/^Die digitale „Agenda“/);
    // Every speaker of the conference is in the people directory the autocomplete reads, once.
    expect(count(`SELECT COUNT(DISTINCT name) AS n FROM "Person" WHERE conferenceId = ?`, id)).toBeGreaterThan(190);
    expect(count(`SELECT COUNT(*) AS n FROM "Person" WHERE conferenceId = ? AND externalId IS NULL`, id)).toBe(0);
  });

  it("re-imports the same file as no change, with no duplicates, into the same conference", async () => {
    const before = db.prepare(`SELECT id, slug, title, room, startsAt, endsAt, updatedAt FROM "Session" ORDER BY id`).all();
    const started = performance.now();
    const result = await importSchedule({ text: read("frab-31c3.xml"), filename: "frab-31c3.xml" });
    console.log(`re-import 31C3 (no changes): ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.created).toBe(false);
    expect(result.conference.slug).toBe("31c3");
    expect(result.summary).toEqual(["No changes: 138 sessions already up to date."]);
    expect(result.diff).toMatchObject({ added: [], removed: [], changed: [], peopleAdded: [], peopleRemoved: [], unchanged: 138 });
    expect(count(`SELECT COUNT(*) AS n FROM "Conference"`)).toBe(1);
    expect(db.prepare(`SELECT id, slug, title, room, startsAt, endsAt, updatedAt FROM "Session" ORDER BY id`).all()).toEqual(before);
    expect(totals(result.conference.id)).toMatchObject({ sessions: 138, people: 198 });
  });
});

describe.skipIf(!exists)("schedule import into SQLite: pretalx DemoCon JSON", () => {
  it("stores every session and person with biographies, and re-imports as no change", async () => {
    const text = read("pretalx-democon.json");
    const result = await importSchedule({ text, filename: "pretalx-democon.json" });
    expect(result.created).toBe(true);
    expect(result.counts).toEqual({ days: 3, rooms: 2, sessions: 36, people: 27 });
    expect(totals(result.conference.id)).toMatchObject({ sessions: 36, people: 27, rooms: 2, days: 3 });
    expect(db.prepare(`SELECT slug, name, startsOn, endsOn, timezone FROM "Conference" WHERE id = ?`).get(result.conference.id)).toEqual({
      slug: "democon",
      name: "DemoCon",
      startsOn: "2020-12-14",
      endsOn: "2020-12-16",
      timezone: "Etc/GMT-1", // time_zone_name says UTC, every event says +01:00: the events win
    });

    expect(stored(result.conference.id, "ba72da9d-a522-54f6-9301-4bf4f3446425")).toEqual({
      title: "Secured grid-enabled policy",
      kind: "workshop",
      room: "Tan Room",
      track: "Horizontal",
      startsAt: "2020-12-14T10:30:00.000Z",
      endsAt: "2020-12-14T12:00:00.000Z",
      speakers: ["Amy Sanchez (speaker)", "Teresa Terrell (speaker)"],
    });
    expect(stored(result.conference.id, "8def099f-0871-5d9f-95b8-de50f694e747")).toEqual({
      title: "Re-engineered bandwidth-monitored focus group",
      kind: "talk",
      room: "Gray Room",
      track: "Phased",
      startsAt: "2020-12-16T08:30:00.000Z",
      endsAt: "2020-12-16T09:00:00.000Z",
      speakers: ["Stephanie Hudson (speaker)", "Mariah Estrada (speaker)", "Kathy Wallace (speaker)"],
    });
    const brian = db.prepare(`SELECT name, bio FROM "Person" WHERE conferenceId = ? AND externalId = 'NQTF8Y'`).get(result.conference.id) as {
      name: string;
      bio: string;
    };
    expect(brian.name).toBe("Brian Robinson");
    expect(brian.bio).toMatch(/^Break through direction\./);

    const again = await importSchedule({ text, filename: "pretalx-democon.json" });
    expect(again.conference.id).toBe(result.conference.id);
    expect(again.summary).toEqual(["No changes: 36 sessions already up to date."]);
    expect(totals(result.conference.id)).toMatchObject({ sessions: 36, people: 27 });
    expect(count(`SELECT COUNT(*) AS n FROM "Conference"`)).toBe(2);
  });
});

describe.skipIf(!exists)("schedule import into an existing conference: its time zone and the schedule's offsets", () => {
  it("takes the schedule's offset when the conference's zone would show other times, and keeps a zone that agrees", async () => {
    const { createConference } = await import("../../server/data/conferences");
    const zoneOf = (id: string) => (db.prepare(`SELECT timezone FROM "Conference" WHERE id = ?`).get(id) as { timezone: string }).timezone;
    // DemoCon's events say +01:00 in December: Lisbon is +00:00 then (09:00 would show as 8:00), Berlin +01:00.
    const lisbon = await createConference({ name: "Lisbon Copy", timezone: "Europe/Lisbon" });
    await importSchedule({ text: read("pretalx-democon.json"), filename: "pretalx-democon.json", conferenceSlug: lisbon.slug });
    expect(zoneOf(lisbon.id)).toBe("Etc/GMT-1");
    const berlin = await createConference({ name: "Berlin Copy", timezone: "Europe/Berlin" });
    await importSchedule({ text: read("pretalx-democon.json"), filename: "pretalx-democon.json", conferenceSlug: berlin.slug });
    expect(zoneOf(berlin.id)).toBe("Europe/Berlin");
  });
});
