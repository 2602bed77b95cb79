/**
 * Schedule import and re-import against a real SQLite file (no web server):
 * a re-import applies exactly what the schedule changed and leaves notes
 * byte for byte alone; every kind of bad input is refused with a message that
 * names the place, and leaves the database exactly as it was; a failure in the
 * middle of the transaction leaves nothing behind; URLs are fetched from a
 * local HTTP server.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { AppError } from "../../lib/errors/app-error";
import { startTestDatabase } from "../support/test-database";

const testDatabase = startTestDatabase({ prefix: "talknotes-schedule-import-" });
process.env.SCHEDULE_FETCH_ALLOW_HOSTS = "127.0.0.1"; // the local test server: schedule import refuses loopback otherwise

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/schedules");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const G = "aaaaaaaa-1111-4000-8000-00000000000";

let db: Database.Database;
let importSchedule: typeof import("../../server/data/import-schedule").importSchedule;
let fetchScheduleUrl: typeof import("../../server/data/fetch-schedule-url").fetchScheduleUrl;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  const { openSqlite } = await import("../../server/db/open-sqlite");
  db = openSqlite(testDatabase.file);
  ({ importSchedule } = await import("../../server/data/import-schedule"));
  ({ fetchScheduleUrl } = await import("../../server/data/fetch-schedule-url"));

  server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/minicon/schedule.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(fixture("fixcon-pretalx.json"));
    } else if (url === "/export?format=frab") {
      res.writeHead(200, { "content-type": "application/xml; charset=utf-8" }).end(fixture("fixcon.xml"));
    } else if (url === "/never") {
      // Accept the request and never answer: the client's timeout must end it.
    } else if (url === "/endless") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    } else if (url === "/big-declared") {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(30 * 1024 * 1024) });
      res.write("{");
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not here");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().$disconnect();
  db?.close();
});

/** Every row of every table the import could touch, in a stable order. */
function dump() {
  const tables = ["Conference", "Session", "Person", "SessionPerson", "ScheduleSource", "NotesDocument", "NotesUpdate"];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}

function session(externalId: string) {
  const row = db
    .prepare(`SELECT id, slug, title, kind, room, startsAt, endsAt, intro FROM "Session" WHERE externalId = ?`)
    .get(externalId) as
    | {
        id: string;
        slug: string;
        title: string;
        kind: string;
        room: string;
        startsAt: string | number;
        endsAt: string | number;
        intro: string;
      }
    | undefined;
  if (!row) return undefined;
  const speakers = (
    db
      .prepare(
        `SELECT p.name FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp.personId WHERE sp.sessionId = ? ORDER BY sp.position, p.name`,
      )
      .all(row.id) as { name: string }[]
  ).map((s) => s.name);
  return {
    ...row,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    speakers,
  };
}

function notesOf(sessionId: string) {
  return {
    doc: db.prepare(`SELECT * FROM "NotesDocument" WHERE sessionId = ?`).get(sessionId),
    updates: db.prepare(`SELECT id, data FROM "NotesUpdate" WHERE sessionId = ? ORDER BY id`).all(sessionId),
  };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("schedule import into SQLite", () => {
  it("imports a frab schedule into a new conference", async () => {
    const result = await importSchedule({ text: fixture("fixcon.xml"), filename: "fixcon.xml" });
    expect(result.created).toBe(true);
    expect(result.conference.slug).toBe("fixcon24");
    expect(result.counts).toEqual({ days: 2, rooms: 2, sessions: 6, people: 6 });
    expect(session(`${G}6`)).toMatchObject({
      title: "Panel: Futures",
      kind: "panel",
      room: "Hall A",
      startsAt: "2024-05-05T08:00:00.000Z",
      endsAt: "2024-05-05T09:00:00.000Z",
      intro: "What comes next",
      speakers: ["Ada Lovelace", "Margaret Hamilton", "Katherine Johnson"],
    });
    expect(db.prepare(`SELECT name, timezone, startsOn, endsOn FROM "Conference"`).get()).toEqual({
      name: "FixCon 2024",
      timezone: "Europe/Amsterdam",
      startsOn: "2024-05-04",
      endsOn: "2024-05-05",
    });
  });

  it("refuses bad input with an error naming the place, and changes nothing", async () => {
    const before = dump();
    const cases: Array<{ name: string; text: string; code: AppError["code"]; says: RegExp[] }> = [
      {
        name: "malformed.xml",
        text: fixture("malformed.xml"),
        code: "invalid_input",
        says: [/malformed\.xml/, /Malformed XML at line \d+, column \d+/, /title/],
      },
      {
        name: "malformed.json",
        text: fixture("malformed.json"),
        code: "invalid_input",
        says: [/malformed\.json/, /Malformed JSON at line 29, column \d+/],
      },
      {
        name: "wrong-format.xml",
        text: fixture("wrong-format.xml"),
        code: "invalid_input",
        says: [/root is <feed>/, /not a frab/],
      },
      {
        name: "wrong-format.json",
        text: fixture("wrong-format.json"),
        code: "invalid_input",
        says: [/not a schedule export/, /"schedule"/],
      },
      {
        name: "notes.txt",
        text: "Panel: Making The Business Case\n- Jody: hi",
        code: "invalid_input",
        says: [/notes\.txt/, /neither JSON \(pretalx\) nor XML \(frab\)/],
      },
      {
        name: "missing-title.json",
        text: fixture("missing-title.json"),
        code: "invalid_input",
        says: [/schedule\.conference\.days\[0\]\.rooms\["Main"\]\[1\]\.title: missing/],
      },
      { name: "xxe.xml", text: fixture("xxe.xml"), code: "invalid_input", says: [/Refused unsafe XML/, /ENTITY/] },
      {
        name: "huge.xml",
        text: fixture("fixcon.xml").replace("<schedule>", `<schedule><!-- ${"x".repeat(21 * 1024 * 1024)} -->`),
        code: "too_large",
        says: [/too large/, /20\.0 MB/],
      },
    ];
    for (const c of cases) {
      // Into the existing conference and as a new one: neither may write anything.
      for (const conferenceSlug of ["fixcon24", undefined]) {
        const err = await refusal(importSchedule({ text: c.text, filename: c.name, conferenceSlug }));
        expect(err.code, c.name).toBe(c.code);
        expect(err.message, c.name).toMatch(/^Nothing was imported/);
        for (const re of c.says) expect(err.message, c.name).toMatch(re);
      }
    }
    expect(dump()).toEqual(before);
  });

  it("refuses another conference's schedule, an unknown conference and an empty form", async () => {
    const before = dump();
    const other = await refusal(importSchedule({ text: fixture("fixcon-pretalx.json"), conferenceSlug: "fixcon24" }));
    expect(other.message).toMatch(/imported from the schedule "fixcon24"; this file is the schedule of "minicon"/);
    expect((await refusal(importSchedule({ text: fixture("fixcon.xml"), conferenceSlug: "nope" }))).code).toBe(
      "not_found",
    );
    const empty = await refusal(importSchedule({ text: "", url: "" }));
    expect(empty.fields).toEqual({ text: "Choose a schedule file or give its URL" });
    expect(dump()).toEqual(before);
  });

  it("rolls back everything when a write fails in the middle of the transaction", async () => {
    const before = dump();
    // The database itself refuses the one new session, after people were renamed and sessions updated.
    db.exec(
      `CREATE TRIGGER refuse_closing BEFORE INSERT ON "Session" WHEN NEW.title = 'Closing' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
    );
    try {
      // (Prisma reports the trigger's constraint error in its own words.)
      await expect(
        importSchedule({ text: fixture("fixcon-changed.xml"), filename: "fixcon-changed.xml" }),
      ).rejects.toThrow(/session\.create/);
    } finally {
      db.exec(`DROP TRIGGER refuse_closing`);
    }
    expect(dump()).toEqual(before);
  });

  it("re-imports a changed schedule: exactly the expected changes, notes untouched, no duplicates", async () => {
    const { NotesStore } = await import("../../server/collab/notes-store");
    const store = new NotesStore(db);
    const parsers = session(`${G}2`)!;
    const dropped = session(`${G}5`)!;
    for (const s of [parsers, dropped]) {
      store.load(s.id);
      store.append(s.id, new Uint8Array([1, 2, 3, s.id.length]));
      store.append(s.id, new Uint8Array([4, 5, 6]));
      store.writeContent(s.id, JSON.stringify({ note: `notes of ${s.title}` }));
    }
    const notesBefore = { parsers: notesOf(parsers.id), dropped: notesOf(dropped.id) };
    expect(notesBefore.parsers.updates).toHaveLength(2);

    // Edits made in Talknotes since the first import, which the schedule did not touch.
    const conferenceId = (db.prepare(`SELECT id FROM "Conference" WHERE slug = 'fixcon24'`).get() as { id: string }).id;
    db.prepare(`UPDATE "Session" SET kind = 'panel' WHERE externalId = ?`).run(`${G}1`);
    db.prepare(`UPDATE "Session" SET intro = 'Three views on the future.' WHERE externalId = ?`).run(`${G}6`);
    // Someone typed Joan Clarke into a session before the schedule listed her.
    db.prepare(
      `INSERT INTO "Person" (id, conferenceId, name, aliases, createdAt, updatedAt) VALUES ('pjoanclarke01', ?, 'Joan Clarke', '[]', ?, ?)`,
    ).run(conferenceId, new Date().toISOString(), new Date().toISOString());
    const slugsBefore = db.prepare(`SELECT externalId, slug FROM "Session" ORDER BY externalId`).all();

    const result = await importSchedule({ text: fixture("fixcon-changed.xml"), filename: "fixcon-changed.xml" });

    expect(result.created).toBe(false);
    expect(result.diff.added.map((s) => s.externalId)).toEqual([`${G}7`]);
    expect(result.diff.removed.map((s) => s.externalId)).toEqual([`${G}4`, `${G}5`]);
    expect(result.diff.changed.map((c) => [c.externalId, c.changes.map((x) => x.field)])).toEqual([
      [`${G}3`, ["title"]],
      [`${G}2`, ["startsAt", "endsAt", "room"]],
      [`${G}6`, ["subtitle", "speakers"]],
    ]);
    expect(result.diff.unchanged).toBe(1);
    expect(result.kept).toEqual([{ externalId: `${G}5`, slug: dropped.slug, title: "Dropped With Notes" }]);
    expect(result.renamed).toEqual([{ externalId: "2", before: "Grace Hopper", after: "Grace M. Hopper" }]);
    expect(result.summary).toEqual([
      "Sessions: 1 added, 3 changed, 1 removed, 1 kept (has notes), 1 unchanged. People: 1 added, 1 renamed, 1 no longer in the schedule.",
      "Added 'Closing' (Hall A, 2024-05-05 16:00)",
      "Removed 'Dropped Talk' (was Hall B, 2024-05-04 12:00)",
      "Renamed 'Late Talk' to 'Late Talk (updated)'",
      "Moved 'Parsers in Practice' from 2024-05-04 11:00 to 2024-05-04 12:00",
      "Moved 'Parsers in Practice' from Hall A to Hall B",
      "Changed subtitle of 'Panel: Futures' to 'What comes after'",
      "Added speaker Joan Clarke to 'Panel: Futures'",
      "Removed speaker Margaret Hamilton from 'Panel: Futures'",
      "Added person Joan Clarke",
      "Kept 'Dropped With Notes': no longer in the schedule, but it has notes",
      "Renamed person Grace Hopper to Grace M. Hopper",
      "Alan Turing is no longer in the schedule (kept in the people directory)",
    ]);

    // The database holds exactly that.
    expect(session(`${G}2`)).toMatchObject({
      room: "Hall B",
      startsAt: "2024-05-04T10:00:00.000Z",
      endsAt: "2024-05-04T11:00:00.000Z",
    });
    expect(session(`${G}3`)).toMatchObject({ title: "Late Talk (updated)", room: "Hall B" });
    expect(session(`${G}4`)).toBeUndefined();
    expect(session(`${G}5`)).toMatchObject({ title: "Dropped With Notes" });
    expect(session(`${G}6`)).toMatchObject({
      intro: "Three views on the future.",
      speakers: ["Ada Lovelace", "Katherine Johnson", "Joan Clarke"],
    });
    expect(session(`${G}7`)).toMatchObject({
      title: "Closing",
      room: "Hall A",
      startsAt: "2024-05-05T14:00:00.000Z",
      speakers: ["Hedy Lamarr"],
    });
    expect(session(`${G}1`)).toMatchObject({ kind: "panel", speakers: ["Ada Lovelace", "Grace M. Hopper"] });
    // Slugs never change (links keep working); the new session has one of its own.
    const slugsAfter = db.prepare(`SELECT externalId, slug FROM "Session" ORDER BY externalId`).all() as {
      externalId: string;
      slug: string;
    }[];
    expect(slugsAfter.filter((s) => s.externalId !== `${G}7`)).toEqual(
      (slugsBefore as { externalId: string }[]).filter((s) => s.externalId !== `${G}4`),
    );
    expect(slugsAfter.find((s) => s.externalId === `${G}7`)?.slug).toBe("closing");

    // No duplicates: one row per person, Joan adopted rather than created twice, Alan kept.
    const people = db
      .prepare(`SELECT name, externalId FROM "Person" WHERE conferenceId = ? ORDER BY name`)
      .all(conferenceId);
    expect(people).toEqual([
      { name: "Ada Lovelace", externalId: "1" },
      { name: "Alan Turing", externalId: "7" },
      { name: "Grace M. Hopper", externalId: "2" },
      { name: "Hedy Lamarr", externalId: "5" },
      { name: "Joan Clarke", externalId: "6" },
      { name: "Katherine Johnson", externalId: "4" },
      { name: "Margaret Hamilton", externalId: "3" },
    ]);
    expect((db.prepare(`SELECT id FROM "Person" WHERE name = 'Joan Clarke'`).get() as { id: string }).id).toBe(
      "pjoanclarke01",
    );
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Conference"`).get()).toEqual({ n: 1 });

    // Notes: byte for byte what they were.
    expect(notesOf(parsers.id)).toEqual(notesBefore.parsers);
    expect(notesOf(dropped.id)).toEqual(notesBefore.dropped);
  });

  it("re-imports the same schedule again as no change", async () => {
    const before = dump();
    const again = await importSchedule({ text: fixture("fixcon-changed.xml"), filename: "fixcon-changed.xml" });
    expect(again.summary).toEqual(["No changes: 5 sessions already up to date."]);
    const after = dump();
    // Only the snapshot's bookkeeping (import time) moves.
    expect({ ...after, ScheduleSource: undefined }).toEqual({ ...before, ScheduleSource: undefined });
  });

  it("without a stored snapshot, compares with the sessions that carry schedule ids, still without duplicates", async () => {
    db.prepare(`DELETE FROM "ScheduleSource"`).run();
    const sessionsBefore = db.prepare(`SELECT COUNT(*) AS n FROM "Session"`).get();
    const result = await importSchedule({ text: fixture("fixcon-changed.xml"), conferenceSlug: "fixcon24" });
    // The local kind edit can no longer be told from a schedule change: the schedule wins.
    expect(result.diff.changed.map((c) => [c.externalId, c.changes])).toEqual([
      [`${G}1`, [{ field: "kind", before: "panel", after: "talk" }]],
    ]);
    expect(result.kept.map((k) => k.externalId)).toEqual([`${G}5`]);
    expect(result.diff.added).toEqual([]);
    expect(result.diff.peopleRemoved.map((p) => p.name)).toEqual(["Alan Turing"]);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Session"`).get()).toEqual(sessionsBefore);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "ScheduleSource"`).get()).toEqual({ n: 1 });
    expect((await importSchedule({ text: fixture("fixcon-changed.xml") })).summary).toEqual([
      "No changes: 5 sessions already up to date.",
    ]);
  });

  it("takes a session's recording from its links, filling only sessions that have none", async () => {
    const recording = (n: number) =>
      (
        db.prepare(`SELECT recordingUrl FROM "Session" WHERE externalId = ?`).get(`${G}${n}`) as {
          recordingUrl: string | null;
        }
      ).recordingUrl;
    db.prepare(`UPDATE "Session" SET recordingUrl = ? WHERE externalId = ?`).run("https://vimeo.com/76979871", `${G}3`);
    const withLinks = [1, 3].reduce(
      (xml, n) =>
        xml.replace(
          new RegExp(`(<event guid="${G}${n}"[\\s\\S]*?)</event>`),
          `$1<links><link href="https://fixcon.example/slides-${n}.pdf">Slides</link><link href="https://media.ccc.de/v/fixcon-${n}">Video</link></links></event>`,
        ),
      fixture("fixcon-changed.xml"),
    );
    await importSchedule({ text: withLinks, conferenceSlug: "fixcon24" });
    expect(recording(1)).toBe("https://media.ccc.de/v/fixcon-1");
    expect(recording(3)).toBe("https://vimeo.com/76979871"); // set by hand: kept
    expect(recording(2)).toBeNull();
  });
});

describe("schedule import from a URL (local HTTP server)", () => {
  it("imports a pretalx schedule from a URL and finds the same conference again by it", async () => {
    const url = `${baseUrl}/minicon/schedule.json`;
    const first = await importSchedule({ url });
    expect(first.created).toBe(true);
    expect(first.conference.slug).toBe("minicon");
    expect(first.counts).toEqual({ days: 1, rooms: 1, sessions: 2, people: 2 });
    expect(session("cccccccc-0000-4000-8000-000000000002")).toMatchObject({
      title: "Panel: Ops and Dev",
      kind: "panel",
      startsAt: "2024-06-01T14:00:00.000Z",
      speakers: ["Jody Mulkey", "Rolf Russell"],
    });
    expect(
      db
        .prepare(`SELECT sourceUrl, format, externalId FROM "ScheduleSource" WHERE conferenceId = ?`)
        .get(first.conference.id),
    ).toEqual({
      sourceUrl: url,
      format: "pretalx",
      externalId: "minicon",
    });
    const second = await importSchedule({ url });
    expect(second.conference.id).toBe(first.conference.id);
    expect(second.summary).toEqual(["No changes: 2 sessions already up to date."]);
  });

  it("reads the format from the content, whatever the URL looks like", async () => {
    const fetched = await fetchScheduleUrl(`${baseUrl}/export?format=frab`);
    expect(fetched).toMatchObject({ url: `${baseUrl}/export?format=frab`, filename: "schedule.xml" });
    expect(fetched.text).toBe(fixture("fixcon.xml"));
  });

  it("fetches a loopback host only when the operator allowed it, or from the CLI", async () => {
    const url = `${baseUrl}/export?format=frab`;
    const refused = await refusal(fetchScheduleUrl(url, { allowHosts: [] }));
    expect(refused.message).toMatch(/127\.0\.0\.1 is a private or local address/);
    expect((await fetchScheduleUrl(url, { allowHosts: [], anyAddress: true })).text).toBe(fixture("fixcon.xml"));
  });

  it("explains every way a download fails, and imports nothing", async () => {
    const before = dump();
    const cases: Array<[string, Parameters<typeof fetchScheduleUrl>[1], AppError["code"], RegExp]> = [
      [
        `${baseUrl}/missing.json`,
        {},
        "invalid_input",
        /Could not fetch http:\/\/127\.0\.0\.1:\d+\/missing\.json: the server answered 404 Not Found/,
      ],
      [`${baseUrl}/never`, { timeoutMs: 300 }, "invalid_input", /timed out after 0\.3 s/],
      [`${baseUrl}/endless`, { maxBytes: 1024 * 1024 }, "too_large", /larger than 1\.0 MB/],
      [`${baseUrl}/big-declared`, {}, "too_large", /larger than 20\.0 MB/],
      ["ftp://127.0.0.1/schedule.xml", {}, "invalid_input", /Only http and https URLs can be imported, not ftp/],
      ["schedule.json", {}, "invalid_input", /"schedule\.json" is not a URL/],
    ];
    for (const [url, options, code, message] of cases) {
      const err = await refusal(fetchScheduleUrl(url, options));
      expect(err.code, url).toBe(code);
      expect(err.message, url).toMatch(message);
    }
    // A port nothing listens on: the connection error is named.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await refusal(importSchedule({ url: `http://127.0.0.1:${port}/schedule.json` }));
    expect(refused.message).toMatch(/Could not fetch .*: ECONNREFUSED/);
    expect((await refusal(importSchedule({ url: `${baseUrl}/missing.json` }))).message).toMatch(/404/);
    expect(dump()).toEqual(before);
  });
});
