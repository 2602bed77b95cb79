import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlPages } from "../support/html-pages";
import { recordRevisionAuthors } from "../support/record-revision-authors";
import { ROOT } from "../support/server-process";
import { startTestDatabase } from "../support/test-database";

/**
 * The Git destination: `talknotes publish --to` writes the sessions'
 * Hugo or Jekyll posts into a branch and folder of a real repository (a local
 * bare one as the remote), commits and pushes; the pushed site builds with
 * real hugo and jekyll and shows the notes and the byline with hostile text
 * inert; publishing again without changes commits nothing; an edit updates
 * the same file in one new commit; a failing remote changes nothing on our
 * side; the server refuses local remotes unless the operator allows them.
 */
const CONF = "harbour-ops-camp-2021";
const db = startTestDatabase({ prefix: "talknotes-publish-git-" });
const tmp = db.dir;
delete process.env.PUBLISH_ALLOW_HOSTS;
const env = { ...process.env };

function run(command: string, args: string[], options: { cwd?: string; ok?: boolean } = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? tmp, env, encoding: "utf8", timeout: 180_000 });
  if (options.ok !== false)
    expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}
const talknotes = (...args: string[]) => run(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args]);
const talknotesFailing = (...args: string[]) =>
  run(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], { ok: false });
const git = (repo: string, ...args: string[]) => run("git", args, { cwd: repo }).stdout.trim();
const onPath = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;

function bareRepo(name: string): string {
  const repo = path.join(tmp, `${name}.git`);
  run("git", ["init", "--quiet", "--bare", repo]);
  return repo;
}

function checkout(remote: string, branch: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, "checkout-"));
  run("git", ["clone", "--quiet", "--branch", branch, remote, dir]);
  return dir;
}

function expectInert(pages: Map<string, string>) {
  expect(pages.size).toBeGreaterThan(0);
  for (const [name, html] of pages) {
    expect(html, name).not.toMatch(/<script/i);
    expect(html, name).not.toMatch(/<img/i);
  }
}

let hugoRemote = "";
let jekyllRemote = "";

beforeAll(async () => {
  talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/panel.txt"), "--conference", CONF);
  talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/ignite.txt"), "--conference", CONF);
  talknotes("publish", "--conference", CONF, "--all");
  const { createDestination } = await import("../../server/data/publish-destinations");
  await recordRevisionAuthors(CONF, "shipping-on-fridays", ["Kim <b>Note</b>"]);
  hugoRemote = bareRepo("hugo-site");
  jekyllRemote = bareRepo("jekyll-site");
  await createDestination(CONF, {
    kind: "git",
    name: "hugo-site",
    settings: { remote: hugoRemote, branch: "gh-pages", path: "site", flavour: "hugo" },
    secret: "tok-EXAMPLE-never-shown",
  });
  await createDestination(CONF, {
    kind: "git",
    name: "jekyll-site",
    settings: { remote: jekyllRemote, branch: "main", path: "", flavour: "jekyll" },
  });
  await createDestination(CONF, {
    kind: "git",
    name: "nowhere",
    settings: { remote: path.join(tmp, "missing.git"), branch: "main", path: "", flavour: "hugo" },
  });
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("publishing to a Git-hosted site", () => {
  it("pushes a Hugo site into a branch and folder that builds with real hugo", () => {
    const out = talknotes("publish", "--conference", CONF, "--to", "hugo-site").stdout;
    expect(out.trim().split("\n").sort()).toEqual(["created ignite-talks-1", "created shipping-on-fridays"]);
    const repo = checkout(hugoRemote, "gh-pages");
    expect(git(repo, "log", "--format=%s")).toBe("Publish notes of 2 sessions of Harbour Ops Camp");
    expect(fs.existsSync(path.join(repo, "site/hugo.toml"))).toBe(true);
    const post = fs.readFileSync(path.join(repo, "site/content/posts/shipping-on-fridays.md"), "utf8");
    expect(post).toContain('author: "Kim <b>Note</b>"');
    if (!onPath("hugo")) return console.log("skipped the hugo build: hugo not installed (Debian package `hugo`)");
    run("hugo", ["--quiet", "--source", path.join(repo, "site"), "--destination", path.join(repo, "public")]);
    const pages = htmlPages(path.join(repo, "public"));
    const page = pages.get(path.join("posts", "shipping-on-fridays", "index.html"))!;
    expect(page).toContain("Should we deploy on Fridays at all?");
    expect(page).toContain("Notes by Kim &lt;b&gt;Note&lt;/b&gt;");
    expectInert(pages);
  });

  it("commits nothing when nothing changed, and one commit updating the same file after an edit", async () => {
    const before = git(hugoRemote, "rev-list", "--count", "gh-pages");
    expect(talknotes("publish", "--conference", CONF, "--to", "hugo-site").stdout.trim().split("\n").sort()).toEqual([
      "skipped ignite-talks-1",
      "skipped shipping-on-fridays",
    ]);
    expect(git(hugoRemote, "rev-list", "--count", "gh-pages")).toBe(before);

    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().session.updateMany({
      where: { slug: "shipping-on-fridays" },
      data: { intro: "Updated after the panel." },
    });
    expect(talknotes("publish", "--conference", CONF, "--to", "hugo-site").stdout.trim().split("\n").sort()).toEqual([
      "skipped ignite-talks-1",
      "updated shipping-on-fridays",
    ]);
    expect(Number(git(hugoRemote, "rev-list", "--count", "gh-pages"))).toBe(Number(before) + 1);
    expect(git(hugoRemote, "log", "-1", "--format=%s", "gh-pages")).toBe("Publish notes: Shipping On Fridays");
    expect(git(hugoRemote, "show", "--name-only", "--format=", "gh-pages")).toBe(
      "site/content/posts/shipping-on-fridays.md",
    );
    const posts = await getPrisma().publishedPost.findMany({ where: { destination: { name: "hugo-site" } } });
    expect(posts.map((p) => p.remoteId).sort()).toEqual([
      "site/content/posts/ignite-talks-1.md",
      "site/content/posts/shipping-on-fridays.md",
    ]);
  });

  it("pushes a Jekyll site to an empty repository that builds with real jekyll", () => {
    talknotes("publish", "--conference", CONF, "--to", "jekyll-site");
    const repo = checkout(jekyllRemote, "main");
    expect(fs.existsSync(path.join(repo, "_config.yml"))).toBe(true);
    if (!onPath("jekyll"))
      return console.log("skipped the jekyll build: jekyll not installed (Debian package `jekyll`)");
    run("jekyll", ["build", "--quiet", "--safe", "--source", repo, "--destination", path.join(repo, "_site")]);
    const pages = htmlPages(path.join(repo, "_site"));
    const page = [...pages].find(([name]) => /shipping-on-fridays(\.html|\/index\.html)$/.test(name))?.[1] ?? "";
    expect(page).toContain("Should we deploy on Fridays at all?");
    expect(page).toContain("Notes by Kim &lt;b&gt;Note&lt;/b&gt;");
    expectInert(pages);
  });

  it("a failing remote reports git's message, exits non-zero and records nothing", async () => {
    const result = talknotesFailing("publish", "--conference", CONF, "--to", "nowhere");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /Git fetch failed: .*(does not appear to be a git repository|not found|No such file)/i,
    );
    const { getPrisma } = await import("../../server/db/prisma");
    expect(await getPrisma().publishedPost.count({ where: { destination: { name: "nowhere" } } })).toBe(0);
  });

  it("keeps the credential sealed and the server refuses local remotes unless allowed", async () => {
    const { getPrisma } = await import("../../server/db/prisma");
    const row = await getPrisma().publishDestination.findFirstOrThrow({ where: { name: "hugo-site" } });
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain("tok-EXAMPLE");
    expect(fs.readFileSync(db.file).includes(Buffer.from("tok-EXAMPLE-never-shown"))).toBe(false);
    const { listDestinations } = await import("../../server/data/publish-destinations");
    expect(JSON.stringify(await listDestinations(CONF))).not.toContain("tok-EXAMPLE");
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    await expect(publishToDestination({ conferenceSlug: CONF, destination: "hugo-site" })).rejects.toThrow(
      /Local Git remotes are not allowed/,
    );
  });
});
