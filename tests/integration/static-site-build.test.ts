import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhotoToSession } from "../support/add-photo-to-session";
import { htmlPages } from "../support/html-pages";
import { PANEL_FIXTURE_TEXT } from "../support/panel-fixture-text";
import { photoWithGps } from "../support/photo-with-gps";
import { readableText } from "../support/readable-text";
import { ROOT } from "../support/server-process";
import { startTestDatabase } from "../support/test-database";

/**
 * The Hugo and Jekyll folders `talknotes export` writes must build with the
 * real generators, and the built pages must show every question and
 * attribution of the notes, with hostile text escaped. Nothing is installed
 * here: CI installs Debian's `hugo` (this suite fails in CI without it);
 * locally a missing generator skips with a message. Jekyll is optional.
 * A slide photo in the panel's notes must be in both built sites (ARCHITECTURE.md, "Photos"):
 * a Hugo page bundle, Jekyll's assets folder, with its alt text.
 */
const PANEL = path.join(ROOT, "tests/fixtures/notes/panel.txt");
const IGNITE = path.join(ROOT, "tests/fixtures/notes/ignite.txt");
const CONF = "harbour-ops-camp-2021";
const IN_CI = Boolean(process.env.CI);

const PANEL_TEXTS = [
  ...PANEL_FIXTURE_TEXT.questions,
  ...PANEL_FIXTURE_TEXT.attributions,
  "Moderator: Dana Whitfield (Harbour Ops Camp)",
];
const IGNITE_TEXTS = [
  "Chaos drills for small teams",
  "Rosa Lindqvist",
  "@kofi_builds",
  "a runbook is a test you never ran",
  "Pager fatigue by the numbers",
];

function onPath(tool: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).status === 0;
}

const hasHugo = onPath("hugo");
const hasJekyll = onPath("jekyll");
if (!hasHugo && !IN_CI)
  console.log("skipped: hugo not installed (Debian package `hugo`); CI installs it and runs this suite");
if (!hasJekyll) console.log("skipped: jekyll not installed (optional; Debian package `jekyll`)");

const db = startTestDatabase({ prefix: "talknotes-site-" });
const tmp = db.dir;
const env = { ...process.env };

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: tmp, env, encoding: "utf8", timeout: 120_000 });
  expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

function talknotes(...args: string[]) {
  return run(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args]);
}

/** Text a reader sees (readableText), with guillemets (some themes' quotes) made straight. */
function readable(html: string): string {
  return readableText(html).replace(/[\u00AB\u00BB]/g, '"');
}

function expectSafeAndComplete(built: Map<string, string>, page: (name: string) => boolean, texts: string[]) {
  const matches = [...built.entries()].filter(([name]) => page(name));
  expect(matches.map(([name]) => name)).toHaveLength(1);
  const [name, html] = matches[0]!;
  const text = readable(html);
  for (const t of texts) expect(text, `${name} should show ${t}`).toContain(t);
}

function expectNoHostileMarkup(built: Map<string, string>) {
  expect(built.size).toBeGreaterThan(0);
  for (const [name, html] of built) {
    expect(html, name).not.toMatch(/<script/i);
    // The only image is the slide photo, by its file name (hash) and with its alt text.
    expect(html, name).not.toMatch(
      /<img(?![^>]*src="[^"]*[0-9a-f]{64}-fallback\.jpg" alt="Deploys per weekday chart")/i,
    );
    expect(html, name).not.toMatch(/<[^>]*\sonerror=/i);
  }
}

const PHOTO_ALT = "Deploys per weekday chart";
let photoHash = "";

/** The built page shows the photo by `src` with its alt text, and the file is a JPEG with no EXIF. */
async function expectPhoto(html: string, src: string, file: string) {
  expect(html).toMatch(new RegExp(`<img src="${src.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}" alt="${PHOTO_ALT}"`));
  const meta = await sharp(fs.readFileSync(file)).metadata();
  expect(meta.format).toBe("jpeg");
  expect(meta.exif).toBeUndefined();
}

beforeAll(async () => {
  if (!hasHugo && !hasJekyll) return;
  talknotes("import-notes", PANEL, "--conference", CONF);
  talknotes("import-notes", IGNITE, "--conference", CONF);
  talknotes("publish", "--conference", CONF, "--all"); // sites hold public sessions only
  const { getPrisma } = await import("../../server/db/prisma");
  const session = await getPrisma().session.findFirstOrThrow({
    where: { slug: "shipping-on-fridays" },
    select: { id: true },
  });
  photoHash = await addPhotoToSession(db.file, session.id, await photoWithGps(800, 600), {
    alt: PHOTO_ALT,
    caption: "Slide 7",
  });
}, 120_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!hasHugo && !IN_CI)("Hugo site from talknotes export", () => {
  it("builds, and every post shows its questions and attributions with hostile text escaped, and the photo", async () => {
    if (!hasHugo) throw new Error("hugo is not on PATH: CI must install the Debian package `hugo` before the tests");
    const site = path.join(tmp, "hugo");
    talknotes("export", "--conference", CONF, "--to", "hugo", "--out", site);
    run("hugo", ["--quiet", "--source", site, "--destination", path.join(site, "public")]);
    const built = htmlPages(path.join(site, "public"));
    expectSafeAndComplete(built, (n) => n === path.join("posts", "shipping-on-fridays", "index.html"), PANEL_TEXTS);
    expectSafeAndComplete(built, (n) => n === path.join("posts", "ignite-talks-1", "index.html"), IGNITE_TEXTS);
    expectNoHostileMarkup(built);
    expect(readable(built.get("index.html") ?? "")).toContain("Shipping On Fridays");
    const photo = `${photoHash}-fallback.jpg`;
    await expectPhoto(
      built.get(path.join("posts", "shipping-on-fridays", "index.html"))!,
      photo,
      path.join(site, "public", "posts", "shipping-on-fridays", photo),
    );
  });
});

describe.skipIf(!hasJekyll)("Jekyll site from talknotes export", () => {
  it("builds, and every post shows its questions and attributions with hostile text escaped, and the photo", async () => {
    const site = path.join(tmp, "jekyll");
    talknotes("export", "--conference", CONF, "--to", "jekyll", "--out", site);
    run("jekyll", ["build", "--quiet", "--safe", "--source", site, "--destination", path.join(site, "_site")]);
    const built = htmlPages(path.join(site, "_site"));
    expectSafeAndComplete(built, (n) => /shipping-on-fridays(\.html|\/index\.html)$/.test(n), PANEL_TEXTS);
    expectSafeAndComplete(built, (n) => /ignite-talks-1(\.html|\/index\.html)$/.test(n), IGNITE_TEXTS);
    expectNoHostileMarkup(built);
    const photo = `${photoHash}-fallback.jpg`;
    const post = [...built.entries()].find(([n]) => /shipping-on-fridays(\.html|\/index\.html)$/.test(n))!;
    await expectPhoto(post[1], `/assets/images/${photo}`, path.join(site, "_site", "assets", "images", photo));
  });
});
