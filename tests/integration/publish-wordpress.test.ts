import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testWordPress } from "../support/test-wordpress";

/**
 * Issue 18, WordPress destination, against a real WordPress (Debian's
 * package on MariaDB and PHP, started by scripts/test-services.ts): the first
 * publish creates a post in the conference's category with the session's
 * kind as a tag; re-publishing after an edit updates the same post id;
 * unchanged sessions are skipped; a wrong application password fails with
 * WordPress's own message and records nothing; hostile titles and notes
 * arrive as text in the rendered post; the server refuses a loopback blog
 * unless the operator allowed the host.
 */
const wp = testWordPress();
if ("missing" in wp) console.log(`skipped: ${wp.missing}`);

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONF = "harbour-ops-camp-2021";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "talknotes-publish-wp-"));
process.env.DATABASE_URL = `file:${path.join(tmp, "talknotes.db")}`;
process.env.PUBLISH_ALLOW_HOSTS = "";

function talknotes(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], { cwd: tmp, env: process.env, encoding: "utf8", timeout: 120_000 });
  expect(result.status, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

type Post = { id: number; status: string; link: string; title: { raw: string; rendered: string }; content: { raw: string; rendered: string }; categories: number[]; tags: number[] };

async function wpGet<T>(route: string, query = ""): Promise<T> {
  if ("missing" in wp) throw new Error(wp.missing);
  const res = await fetch(`${wp.url}/?rest_route=${encodeURIComponent(route)}&context=edit${query}`, {
    headers: { authorization: `Basic ${Buffer.from(`${wp.username}:${wp.password}`).toString("base64")}` },
  });
  expect(res.status, route).toBe(200);
  return (await res.json()) as T;
}

const HOSTILE_TITLE = `<script>alert("title")</script><img src=x onerror=alert(3)> Fridays`;

beforeAll(async () => {
  if ("missing" in wp) return;
  talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/panel.txt"), "--conference", CONF);
  talknotes("publish", "--conference", CONF, "--all");
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().session.updateMany({ where: { slug: "shipping-on-fridays" }, data: { title: HOSTILE_TITLE } });
  const { createDestination } = await import("../../server/data/publish-destinations");
  await createDestination(CONF, { kind: "wordpress", name: "blog", settings: { url: wp.url, username: wp.username, status: "publish" }, secret: wp.password });
  await createDestination(CONF, { kind: "wordpress", name: "wrong-password", settings: { url: wp.url, username: wp.username, status: "draft" }, secret: "abcd efgh ijkl mnop qrst uvwx" });
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf("missing" in wp)("publishing to a real WordPress", () => {
  let postId = "";

  it("the server refuses a loopback blog unless the operator allows its host", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    await expect(publishToDestination({ conferenceSlug: CONF, destination: "blog" })).rejects.toThrow(/127\.0\.0\.1 is a private or local address.*PUBLISH_ALLOW_HOSTS/);
    process.env.PUBLISH_ALLOW_HOSTS = "127.0.0.1";
  });

  it("creates the post, in the conference's category, tagged with the kind, hostile text inert", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    const report = await publishToDestination({ conferenceSlug: CONF, destination: "blog" });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ slug: "shipping-on-fridays", action: "created", error: null });
    const { getPrisma } = await import("../../server/db/prisma");
    postId = (await getPrisma().publishedPost.findFirstOrThrow({ where: { destination: { name: "blog" } } })).remoteId;
    const post = await wpGet<Post>(`/wp/v2/posts/${postId}`);
    expect(post.status).toBe("publish");
    expect(report.results[0]!.url).toBe(post.link);
    for (const html of [post.title.rendered, post.content.rendered]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img[^>]*onerror/i);
    }
    expect(post.title.rendered).toContain("&lt;script&gt;");
    expect(post.content.rendered).toContain("Should we deploy on Fridays at all?");
    expect(post.content.rendered).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;|&#60;script&#62;alert\(1\)/);
    const categories = await wpGet<Array<{ id: number; name: string }>>("/wp/v2/categories", "&per_page=100");
    expect(categories.filter((c) => post.categories.includes(c.id)).map((c) => c.name)).toEqual(["Harbour Ops Camp"]);
    const tags = await wpGet<Array<{ id: number; name: string }>>("/wp/v2/tags", "&per_page=100");
    expect(tags.filter((t) => post.tags.includes(t.id)).map((t) => t.name)).toContain("panel");
  });

  it("skips an unchanged session and updates the same post id after an edit", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    expect((await publishToDestination({ conferenceSlug: CONF, destination: "blog" })).results[0]!.action).toBe("skipped");
    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().session.updateMany({ where: { slug: "shipping-on-fridays" }, data: { intro: "Edited after the panel: new intro." } });
    const report = await publishToDestination({ conferenceSlug: CONF, destination: "blog" });
    expect(report.results[0]).toMatchObject({ action: "updated" });
    expect((await getPrisma().publishedPost.findFirstOrThrow({ where: { destination: { name: "blog" } } })).remoteId).toBe(postId);
    const post = await wpGet<Post>(`/wp/v2/posts/${postId}`);
    expect(post.content.rendered).toContain("Edited after the panel: new intro.");
    const all = await wpGet<Post[]>("/wp/v2/posts", "&per_page=100&status=publish,draft");
    expect(all.filter((p) => p.title.raw.includes("Fridays"))).toHaveLength(1);
  });

  it("a wrong application password fails with WordPress's message, names no secret and records nothing", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    const failure = await publishToDestination({ conferenceSlug: CONF, destination: "wrong-password" }).then(
      () => null,
      (err: Error) => err,
    );
    expect(failure?.message).toMatch(/^WordPress answered 401: .+/);
    expect(failure?.message).toMatch(/user name and application password/);
    expect(failure?.message).not.toContain("abcd efgh");
    const { getPrisma } = await import("../../server/db/prisma");
    expect(await getPrisma().publishedPost.count({ where: { destination: { name: "wrong-password" } } })).toBe(0);
  });

  it("the CLI publishes too, and reports the unchanged post as skipped", () => {
    expect(talknotes("publish", "--conference", CONF, "--to", "blog").trim()).toBe("skipped shipping-on-fridays");
  });
});
