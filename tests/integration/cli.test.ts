import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseInterchange } from "../../lib/interchange/parse-interchange";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";
import { notesFromYDoc } from "../../lib/schema/notes-from-ydoc";
import { notesToInterchange } from "../../lib/schema/notes-to-interchange";
import { PANEL_FIXTURE_TEXT } from "../support/panel-fixture-text";
import { readableText } from "../support/readable-text";
import { startTestDatabase } from "../support/test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PANEL = path.join(ROOT, "tests/fixtures/notes/panel.txt");
const IGNITE = path.join(ROOT, "tests/fixtures/notes/ignite.txt");
const CONF = "harbour-ops-camp-2021";

const { questions: QUESTIONS, attributions: ATTRIBUTIONS } = PANEL_FIXTURE_TEXT;

// The first command that needs it makes the database, as on a new install.
const { dir: tmp, file: dbFile } = startTestDatabase({ prefix: "talknotes-cli-", create: false });

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bin, as `npx talknotes` would, in its own process. */
function cli(args: string[], options: { env?: Record<string, string>; input?: string | Buffer } = {}): Run {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], {
    cwd: tmp,
    env: { ...process.env, PORT: "4123", ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Text a reader sees (readableText), with Markdown's backslash escapes undone. */
function readable(markup: string): string {
  return readableText(markup).replace(/\\([\\`*_{}[\]()#+\-.!<>|~"'&])/g, "$1");
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function counts() {
  return query<{ c: number; s: number; p: number; sp: number; n: number }>(
    `SELECT (SELECT COUNT(*) FROM "Conference") c, (SELECT COUNT(*) FROM "Session") s, (SELECT COUNT(*) FROM "Person") p,
            (SELECT COUNT(*) FROM "SessionPerson") sp, (SELECT COUNT(*) FROM "NotesUpdate") n`,
  )[0]!;
}

function expectCleanFailure(run: Run, command: string, message: RegExp, exitCode = 1) {
  expect(run.status, run.stderr).toBe(exitCode);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^talknotes ${command}: `));
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
}

function stripIds(blocks: Block[], idToName: Map<string, string>): unknown {
  return JSON.parse(JSON.stringify(blocks), (key, value) => {
    if ((key === "speaker" || key === "askedBy") && typeof value === "string")
      return idToName.get(value) ?? `?${value}`;
    if (key === "speakers" && Array.isArray(value)) return value.map((v: string) => idToName.get(v) ?? `?${v}`);
    return value;
  });
}

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("talknotes convert", () => {
  it("turns a panel's notes into talknotes/1 JSON without touching any database", () => {
    const untouched = path.join(tmp, "never", "talknotes.db");
    const run = cli(["convert", PANEL, "--to", "json"], { env: { DATABASE_URL: `file:${untouched}` } });
    expect(run.status, run.stderr).toBe(0);
    const doc = parseInterchange(JSON.parse(run.stdout));
    expect(doc.conference).toMatchObject({
      name: "Harbour Ops Camp",
      location: "Portland, OR",
      startsOn: "2021-10-09",
      hashtag: "#Harbour Ops Camp",
    });
    expect(doc.session).toMatchObject({ title: "Shipping On Fridays", kind: "panel" });
    expect(doc.people.map((p) => [p.name, p.role])).toEqual([
      ["Amara Okafor", "panelist"],
      ["Bruno Castellanos", "panelist"],
      ["Chen Wei-Lin", "panelist"],
      ["Dana Whitfield", "moderator"],
      ["Priya", "audience"],
    ]);
    expect(doc.blocks.map((b) => b.type === "question" && b.text)).toEqual(QUESTIONS);
    const first = doc.blocks[0]!;
    if (first.type !== "question") throw new Error("expected a question");
    expect(first.answers.map((a) => a.type === "statement" && a.speaker)).toEqual([
      "amara-okafor",
      "bruno-castellanos",
      "chen-wei-lin",
    ]);
    expect(first.answers[0]).toMatchObject({ asides: ["bold start!"] });
    expect(run.stderr).toMatch(/warning: "Priya" is not in the panel/);
    expect(fs.existsSync(path.dirname(untouched))).toBe(false);
  });

  it("writes a Markdown post with front matter, and an escaped standalone HTML page to --out", () => {
    const md = cli(["convert", PANEL, "--to", "md"]);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^---\ntitle: "Talk notes: Shipping On Fridays \(#Harbour Ops Camp\)"\n/);
    expect(md.stdout).toContain('- Question: "Should we deploy on Fridays at all?"\n  - Amara: "if you are afraid');
    for (const line of ATTRIBUTIONS) expect(readable(md.stdout)).toContain(line);

    const out = path.join(tmp, "converted", "panel.html");
    const html = cli(["convert", PANEL, "--to", "html", "--out", out]);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toBe("");
    const page = fs.readFileSync(out, "utf8");
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain("<h1>Talk notes: Shipping On Fridays (#Harbour Ops Camp)</h1>");
    expect(page.match(/<li class="question">/g)).toHaveLength(3);
    expect(page).not.toMatch(/<script|<img/i);
    for (const q of QUESTIONS) expect(readable(page)).toContain(q);
    for (const line of ATTRIBUTIONS) expect(readable(page)).toContain(line);
  });

  it("prints the import report's unsure guesses as warnings, least sure first", () => {
    const notes = path.join(ROOT, "lib/import/fixtures/corpus/05-unlabelled-list-after-notes.txt");
    const run = cli(["convert", notes, "--to", "json"]);
    expect(run.status, run.stderr).toBe(0);
    expect(parseInterchange(JSON.parse(run.stdout)).people.map((p) => p.name)).toEqual([
      "Nadia Petrova",
      "Tomasz Wiśniewski",
    ]);
    const typo = cli(["convert", "-", "--to", "json"], {
      input: '# Edge\n\nGiovanni Bianchi (Fastly)\nSiobhan Ray (Cloudflare)\n\n- Giovani: "hot keys"\n',
    });
    expect(typo.stderr).toMatch(
      /^warning: guessed \(55% sure\): "Giovani" read as Giovanni Bianchi \(a likely typo\)\.$/m,
    );
    const lone = cli(["convert", "-", "--to", "json"], {
      input: "Talk notes: Alerts\n\nInes Moreau, Datadog\n\n- alerts should be actionable\n",
    });
    expect(lone.stderr).toMatch(
      /^warning: guessed \(55% sure\): Line 3: Ines Moreau \(Datadog\) read as speaker, a lone name line/m,
    );
  });

  it("import-notes prints the same unsure guesses as convert, and still imports", () => {
    const input = '# Edge caching\n\nGiovanni Bianchi (Fastly)\nSiobhan Ray (Cloudflare)\n\n- Giovani: "hot keys"\n';
    // Its own database: the import-notes suite below expects the shared one to hold only its conference.
    const own = `file:${path.join(tmp, "guesses", "talknotes.db")}`;
    const run = cli(["import-notes", "-", "--conference", "guesses-camp"], { input, env: { DATABASE_URL: own } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: guessed \(55% sure\): "Giovani" read as Giovanni Bianchi \(a likely typo\)\.$/m,
    );
    expect(run.stdout).toMatch(/^session \S+\n/);
  });

  it("reads the notes from standard input with -", () => {
    const run = cli(["convert", "-", "--to", "json"], { input: fs.readFileSync(IGNITE) });
    expect(run.status, run.stderr).toBe(0);
    const doc = parseInterchange(JSON.parse(run.stdout));
    expect(doc.session).toMatchObject({ title: "Ignite Talks #1", kind: "ignite" });
    expect(doc.blocks.map((b) => (b.type === "talk" ? [b.title, b.speakers] : b.type))).toEqual([
      ["Chaos drills for small teams", ["rosa-lindqvist"]],
      ["Runbooks nobody reads (http://example.org/runbooks)", ["kofi-builds"]],
      ["Pager fatigue by the numbers", []],
    ]);
  });
});

describe("talknotes import-notes and export", () => {
  let panelSessionId = "";

  beforeAll(() => {
    const run = cli(["import-notes", PANEL, "--conference", CONF]);
    expect(run.status, run.stderr).toBe(0);
    const [idLine, url] = run.stdout.trim().split("\n");
    panelSessionId = idLine!.replace(/^session /, "");
    expect(url).toBe(`http://localhost:4123/conferences/${CONF}/sessions/shipping-on-fridays`);
    const ignite = cli(["import-notes", IGNITE, "--conference", CONF]);
    expect(ignite.status, ignite.stderr).toBe(0);
  });

  it("creates the conference from the header, the sessions, the people and their roles in panel order", () => {
    expect(query(`SELECT slug, name, location, startsOn, hashtag FROM "Conference"`)).toEqual([
      {
        slug: CONF,
        name: "Harbour Ops Camp",
        location: "Portland, OR",
        startsOn: "2021-10-09",
        hashtag: "#Harbour Ops Camp",
      },
    ]);
    expect(query(`SELECT id, slug, title, kind, intro FROM "Session" ORDER BY createdAt`)).toEqual([
      {
        id: panelSessionId,
        slug: "shipping-on-fridays",
        title: "Shipping On Fridays",
        kind: "panel",
        intro: "I sat in on the closing panel of the day, next to the coffee.",
      },
      expect.objectContaining({ slug: "ignite-talks-1", title: "Ignite Talks #1", kind: "ignite" }),
    ]);
    const panel = query<{
      name: string;
      affiliation: string | null;
      note: string | null;
      role: string;
      position: number;
      aliases: string;
    }>(
      `SELECT p.name, p.affiliation, p.note, sp.role, sp.position, p.aliases FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp.personId
        WHERE sp.sessionId = ? ORDER BY sp.position`,
      panelSessionId,
    );
    expect(panel).toEqual([
      {
        name: "Amara Okafor",
        affiliation: "Tidewater Labs",
        note: "VP Engineering",
        role: "panelist",
        position: 0,
        aliases: '["Amar"]',
      },
      {
        name: "Bruno Castellanos",
        affiliation: "Quayside Bank",
        note: null,
        role: "panelist",
        position: 1,
        aliases: "[]",
      },
      {
        name: "Chen Wei-Lin",
        affiliation: "Lantern Systems",
        note: "SRE lead",
        role: "panelist",
        position: 2,
        aliases: "[]",
      },
      {
        name: "Dana Whitfield",
        affiliation: "Harbour Ops Camp",
        note: null,
        role: "moderator",
        position: 3,
        aliases: "[]",
      },
      { name: "Priya", affiliation: null, note: null, role: "audience", position: 4, aliases: "[]" },
    ]);
    expect(
      query(
        `SELECT p.name, sp.role FROM "SessionPerson" sp JOIN "Person" p ON p.id = sp.personId JOIN "Session" s ON s.id = sp.sessionId WHERE s.slug = 'ignite-talks-1' ORDER BY sp.position`,
      ),
    ).toEqual([
      { name: "Rosa Lindqvist", role: "speaker" },
      { name: "@kofi_builds", role: "speaker" },
    ]);
  });

  it("stores a Yjs state that decodes to the same blocks as the readers' copy, with database person ids", () => {
    const rows = query<{ data: Buffer }>(
      `SELECT data FROM "NotesUpdate" WHERE sessionId = ? ORDER BY id`,
      panelSessionId,
    );
    expect(rows.length).toBeGreaterThan(0);
    const ydoc = new Y.Doc();
    for (const r of rows) Y.applyUpdate(ydoc, new Uint8Array(r.data));
    const [row] = query<{ contentJson: string }>(
      `SELECT contentJson FROM "NotesDocument" WHERE sessionId = ?`,
      panelSessionId,
    );
    const stored: TalkNotesDocument = parseInterchange(JSON.parse(row!.contentJson));
    const fromYjs = notesToInterchange(notesFromYDoc(ydoc), stored);
    expect(fromYjs.blocks).toEqual(stored.blocks);

    const people = query<{ id: string; name: string }>(`SELECT id, name FROM "Person"`);
    const idToName = new Map(people.map((p) => [p.id, p.name]));
    expect(stored.people.map((p) => idToName.get(p.id))).toEqual([
      "Amara Okafor",
      "Bruno Castellanos",
      "Chen Wei-Lin",
      "Dana Whitfield",
      "Priya",
    ]);
    // The same notes as `convert` reads them, once slug ids are swapped for names on both sides.
    const converted = parseInterchange(JSON.parse(cli(["convert", PANEL, "--to", "json"]).stdout));
    const slugToName = new Map(converted.people.map((p) => [p.id, p.name]));
    expect(stripIds(stored.blocks, idToName)).toEqual(stripIds(converted.blocks, slugToName));
    // The editor's people map is seeded too, keyed by database ids.
    expect([...ydoc.getMap("people").keys()].sort()).toEqual(stored.people.map((p) => p.id).sort());
  });

  it("reuses the conference's people, matched by name, when more notes are imported", () => {
    const before = counts();
    const run = cli(["import-notes", PANEL, "--conference", CONF]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`/conferences/${CONF}/sessions/shipping-on-fridays-2`);
    const after = counts();
    expect(after).toMatchObject({ c: before.c, s: before.s + 1, p: before.p, sp: before.sp + 5 });
  });

  it("exports one session as Markdown, HTML and JSON with every question and attribution", () => {
    const outputs: Record<string, string> = {};
    for (const to of ["md", "html", "json"]) {
      const out = path.join(tmp, `export-${to}`);
      const run = cli(["export", "--conference", CONF, "--session", "shipping-on-fridays", "--to", to, "--out", out]);
      expect(run.status, run.stderr).toBe(0);
      expect(fs.readdirSync(out)).toEqual([`shipping-on-fridays.${to}`]);
      expect(run.stdout.trim()).toBe(path.join(out, `shipping-on-fridays.${to}`));
      outputs[to] = fs.readFileSync(path.join(out, `shipping-on-fridays.${to}`), "utf8");
    }
    for (const to of ["md", "html"]) {
      for (const q of QUESTIONS) expect(readable(outputs[to]!)).toContain(q);
      for (const line of ATTRIBUTIONS) expect(readable(outputs[to]!)).toContain(line);
    }
    expect(outputs.html).not.toMatch(/<script|<img/i);
    const doc = parseInterchange(JSON.parse(outputs.json!));
    const [row] = query<{ contentJson: string }>(
      `SELECT contentJson FROM "NotesDocument" WHERE sessionId = ?`,
      panelSessionId,
    );
    expect(doc.blocks).toEqual(JSON.parse(row!.contentJson).blocks);
    expect(doc.session).toMatchObject({ slug: "shipping-on-fridays", kind: "panel" });
  });

  it("rebuilds an export from the stored Yjs state when the readers' copy is not a talknotes/1 document", () => {
    const exportJson = (name: string) => {
      const out = path.join(tmp, name);
      const run = cli([
        "export",
        "--conference",
        CONF,
        "--session",
        "shipping-on-fridays",
        "--to",
        "json",
        "--out",
        out,
      ]);
      expect(run.status, run.stderr).toBe(0);
      return parseInterchange(JSON.parse(fs.readFileSync(path.join(out, "shipping-on-fridays.json"), "utf8")));
    };
    const fromCopy = exportJson("json-from-copy");
    const db = new Database(dbFile);
    try {
      db.prepare(`UPDATE "NotesDocument" SET contentJson = ? WHERE sessionId = ?`).run(
        '{"text":"an older copy"}',
        panelSessionId,
      );
    } finally {
      db.close();
    }
    const fromYjs = exportJson("json-from-yjs");
    expect(fromYjs.blocks).toEqual(fromCopy.blocks);
    expect(fromYjs.people).toEqual(fromCopy.people);
    expect(fromYjs.blocks).toHaveLength(3);
  });

  it("exports the whole conference as Hugo and Jekyll site folders, drafts only when asked and marked as drafts", () => {
    // Every imported session is still a draft: a site of public sessions has nothing to show.
    expectCleanFailure(
      cli(["export", "--conference", CONF, "--to", "hugo", "--out", path.join(tmp, "site-none")]),
      "export",
      /no public sessions/,
    );
    expect(fs.existsSync(path.join(tmp, "site-none"))).toBe(false);

    const hugo = path.join(tmp, "site-hugo");
    const run = cli(["export", "--conference", CONF, "--to", "hugo", "--include-drafts", "--out", hugo]);
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(hugo, "content/posts/shipping-on-fridays.md"), "utf8")).toMatch(/\ndraft: true\n/);
    for (const f of [
      "hugo.toml",
      "content/_index.md",
      "layouts/_default/single.html",
      "content/posts/shipping-on-fridays.md",
      "content/posts/ignite-talks-1.md",
    ]) {
      expect(fs.existsSync(path.join(hugo, f)), f).toBe(true);
    }
    const post = readable(fs.readFileSync(path.join(hugo, "content/posts/shipping-on-fridays.md"), "utf8"));
    for (const q of QUESTIONS) expect(post).toContain(q);
    for (const line of ATTRIBUTIONS) expect(post).toContain(line);

    const jekyllDrafts = path.join(tmp, "site-jekyll-drafts");
    expect(
      cli(["export", "--conference", CONF, "--to", "jekyll", "--include-drafts", "--out", jekyllDrafts]).status,
    ).toBe(0);
    expect(fs.existsSync(path.join(jekyllDrafts, "_posts"))).toBe(false);
    expect(fs.readdirSync(path.join(jekyllDrafts, "_drafts")).sort()).toEqual([
      "ignite-talks-1.md",
      "shipping-on-fridays-2.md",
      "shipping-on-fridays.md",
    ]);

    expect(cli(["publish", "--conference", CONF, "--all"]).status).toBe(0);
    const jekyll = path.join(tmp, "site-jekyll");
    expect(cli(["export", "--conference", CONF, "--to", "jekyll", "--out", jekyll]).status).toBe(0);
    expect(fs.existsSync(path.join(jekyll, "_config.yml"))).toBe(true);
    const posts = fs.readdirSync(path.join(jekyll, "_posts")).sort();
    expect(posts).toEqual([
      "2021-10-09-ignite-talks-1.md",
      "2021-10-09-shipping-on-fridays-2.md",
      "2021-10-09-shipping-on-fridays.md",
    ]);
    expect(fs.existsSync(path.join(jekyll, "_drafts"))).toBe(false);
    const ignite = readable(fs.readFileSync(path.join(jekyll, "_posts", "2021-10-09-ignite-talks-1.md"), "utf8"));
    for (const text of [
      "Chaos drills for small teams",
      "Rosa Lindqvist",
      "@kofi_builds",
      "a runbook is a test you never ran",
    ])
      expect(ignite).toContain(text);
  });
});

describe("talknotes refuses bad input cleanly and creates nothing", () => {
  const bad = path.join(tmp, "bad");
  fs.mkdirSync(bad, { recursive: true });
  const files = {
    empty: path.join(bad, "empty.txt"),
    binary: path.join(bad, "binary.txt"),
    latin1: path.join(bad, "latin1.txt"),
  };
  fs.writeFileSync(files.empty, "");
  fs.writeFileSync(
    files.binary,
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  fs.writeFileSync(files.latin1, Buffer.from('Talk notes: Caf\xe9 Ops\n  \u2022 Jos\xe9: "hola"\n', "latin1"));

  const cases: Array<[string, string[], RegExp, number?]> = [
    ["missing file", [path.join(bad, "missing.txt")], /cannot read ".*missing\.txt": no such file or directory/],
    ["empty file", [files.empty], /empty/],
    ["binary file", [files.binary], /binary file/],
    ["invalid UTF-8", [files.latin1], /not valid UTF-8/],
  ];

  it.each(cases)("convert: %s", (_name, args, message) => {
    const fresh = path.join(tmp, "fresh-convert");
    const run = cli(["convert", ...args, "--to", "json"], { env: { DATABASE_URL: `file:${fresh}/talknotes.db` } });
    expectCleanFailure(run, "convert", message);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it.each(cases)("import-notes: %s leaves the database as it was", (_name, args, message) => {
    const before = counts();
    const run = cli(["import-notes", ...args, "--conference", "new-conference"]);
    expectCleanFailure(run, "import-notes", message);
    expect(counts()).toEqual(before);
    expect(query(`SELECT slug FROM "Conference" WHERE slug = 'new-conference'`)).toEqual([]);
  });

  it("import-notes into a fresh database does not create it for a file that is not notes", () => {
    const fresh = path.join(tmp, "fresh-import", "talknotes.db");
    const run = cli(["import-notes", files.binary, "--conference", "x"], { env: { DATABASE_URL: `file:${fresh}` } });
    expectCleanFailure(run, "import-notes", /binary file/);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it("unknown --to is a usage error (exit 2)", () => {
    expectCleanFailure(
      cli(["convert", PANEL, "--to", "pdf"]),
      "convert",
      /Unknown --to "pdf": use json, md or html/,
      2,
    );
    expectCleanFailure(
      cli(["export", "--conference", CONF, "--to", "docx", "--out", path.join(tmp, "x")]),
      "export",
      /use md, html, json, hugo or jekyll/,
      2,
    );
    expect(fs.existsSync(path.join(tmp, "x"))).toBe(false);
  });

  it("missing arguments and unknown options are usage errors", () => {
    expectCleanFailure(cli(["convert", "--to", "json"]), "convert", /Missing <file\|->/, 2);
    expectCleanFailure(cli(["import-notes", PANEL]), "import-notes", /Missing --conference/, 2);
    expectCleanFailure(cli(["convert", PANEL, "--to", "json", "--colour"]), "convert", /Unknown option '--colour'/, 2);
    const unknown = cli(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe('talknotes: unknown command "frobnicate"; run "talknotes --help" for the list');
  });

  it("unknown conference or session: exit 1, nothing written, nothing created", () => {
    const before = counts();
    const out = path.join(tmp, "nothing");
    expectCleanFailure(
      cli(["export", "--conference", "no-such-conf", "--to", "md", "--out", out]),
      "export",
      /No conference "no-such-conf"/,
    );
    expectCleanFailure(
      cli(["export", "--conference", CONF, "--session", "nope", "--to", "md", "--out", out]),
      "export",
      /No session "nope" in "harbour-ops-camp-2021"/,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(counts()).toEqual(before);

    const fresh = path.join(tmp, "fresh-export", "talknotes.db");
    expectCleanFailure(
      cli(["export", "--conference", CONF, "--to", "md", "--out", out], { env: { DATABASE_URL: `file:${fresh}` } }),
      "export",
      /No database at .*talknotes\.db/,
    );
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it("rejects a conference slug that is not a slug before writing anything", () => {
    const before = counts();
    expectCleanFailure(
      cli(["import-notes", PANEL, "--conference", "../Evil Slug"]),
      "import-notes",
      /lowercase letters, digits and hyphens/,
    );
    expect(counts()).toEqual(before);
  });

  it("prints help for every command", () => {
    for (const command of ["convert", "import-notes", "export"]) {
      const run = cli([command, "--help"]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: talknotes ${command} `));
    }
    const overview = cli(["--help"]);
    expect(overview.stdout).toMatch(/convert .*\n.*import-notes .*\n.*export /);
  });
});
