import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhotoToSession } from "../support/add-photo-to-session";
import { photoWithGps } from "../support/photo-with-gps";
import { ROOT } from "../support/server-process";
import { talknotes } from "../support/talknotes";
import { startTestDatabase } from "../support/test-database";
import { testWordPress } from "../support/test-wordpress";

/**
 * The WordPress destination, against a real WordPress (Debian's
 * package on MariaDB and PHP, started by scripts/test-services.ts): the first
 * publish creates a post in the conference's category with the session's
 * kind as a tag; re-publishing after an edit updates the same post id;
 * unchanged sessions are skipped; a wrong application password fails with
 * WordPress's own message and records nothing; hostile titles and notes
 * arrive as text in the rendered post; the server refuses a loopback blog
 * unless the operator allowed the host. A session's photo is uploaded once
 * to the media library and the post shows it from there; a user who may not
 * upload fails that session with nothing recorded, and the retry works.
 */
const wp = testWordPress();
if ("missing" in wp) console.log(`skipped: ${wp.missing}`);

const CONF = "harbour-ops-camp-2021";
const db = startTestDatabase({ prefix: "talknotes-publish-wp-" });
process.env.PUBLISH_ALLOW_HOSTS = "";

type Post = {
  id: number;
  status: string;
  link: string;
  title: { raw: string; rendered: string };
  content: { raw: string; rendered: string };
  categories: number[];
  tags: number[];
};

async function wpGet<T>(route: string, query = ""): Promise<T> {
  if ("missing" in wp) throw new Error(wp.missing);
  const res = await fetch(`${wp.url}/?rest_route=${encodeURIComponent(route)}&context=edit${query}`, {
    headers: { authorization: `Basic ${Buffer.from(`${wp.username}:${wp.password}`).toString("base64")}` },
  });
  expect(res.status, route).toBe(200);
  return (await res.json()) as T;
}

async function wpPost<T>(route: string, body: unknown): Promise<T> {
  if ("missing" in wp) throw new Error(wp.missing);
  const res = await fetch(`${wp.url}/?rest_route=${encodeURIComponent(route)}`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${wp.username}:${wp.password}`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
  expect(res.status, `${route}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

type Media = { id: number; source_url: string; alt_text: string; caption: { raw: string } };

/** Every file in the blog's media library. */
function mediaLibrary(): Promise<Media[]> {
  return wpGet<Media[]>("/wp/v2/media", "&per_page=100");
}

const HOSTILE_TITLE = `<script>alert("title")</script><img src=x onerror=alert(3)> Fridays`;

/** Posts about the panel already on the shared test blog (another test file may have published it there). */
let fridaysBefore = new Set<number>();

beforeAll(async () => {
  if ("missing" in wp) return;
  const earlier = await wpGet<Post[]>("/wp/v2/posts", "&per_page=100&status=publish,draft");
  fridaysBefore = new Set(earlier.filter((p) => p.title.raw.includes("Fridays")).map((p) => p.id));
  talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/panel.txt"), "--conference", CONF);
  talknotes("publish", "--conference", CONF, "--all");
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().session.updateMany({ where: { slug: "shipping-on-fridays" }, data: { title: HOSTILE_TITLE } });
  const { createDestination } = await import("../../server/data/publish-destinations");
  await createDestination(CONF, {
    kind: "wordpress",
    name: "blog",
    settings: { url: wp.url, username: wp.username, status: "publish" },
    secret: wp.password,
  });
  await createDestination(CONF, {
    kind: "wordpress",
    name: "wrong-password",
    settings: { url: wp.url, username: wp.username, status: "draft" },
    secret: "abcd efgh ijkl mnop qrst uvwx",
  });
});

afterAll(() => {
  fs.rmSync(db.dir, { recursive: true, force: true });
});

describe.skipIf("missing" in wp)("publishing to a real WordPress", () => {
  let postId = "";

  it("the server refuses a loopback blog unless the operator allows its host", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    await expect(publishToDestination({ conferenceSlug: CONF, destination: "blog" })).rejects.toThrow(
      /127\.0\.0\.1 is a private or local address.*PUBLISH_ALLOW_HOSTS/,
    );
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
    expect((await publishToDestination({ conferenceSlug: CONF, destination: "blog" })).results[0]!.action).toBe(
      "skipped",
    );
    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().session.updateMany({
      where: { slug: "shipping-on-fridays" },
      data: { intro: "Edited after the panel: new intro." },
    });
    const report = await publishToDestination({ conferenceSlug: CONF, destination: "blog" });
    expect(report.results[0]).toMatchObject({ action: "updated" });
    expect(
      (await getPrisma().publishedPost.findFirstOrThrow({ where: { destination: { name: "blog" } } })).remoteId,
    ).toBe(postId);
    const post = await wpGet<Post>(`/wp/v2/posts/${postId}`);
    expect(post.content.rendered).toContain("Edited after the panel: new intro.");
    const all = await wpGet<Post[]>("/wp/v2/posts", "&per_page=100&status=publish,draft");
    // One post for the panel from this file, however often it was published.
    expect(all.filter((p) => p.title.raw.includes("Fridays") && !fridaysBefore.has(p.id))).toHaveLength(1);
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

  it("uploads the session's photo once to the media library and shows it from there", async () => {
    const { getPrisma } = await import("../../server/db/prisma");
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    const session = await getPrisma().session.findFirstOrThrow({ where: { slug: "shipping-on-fridays" } });
    const hash = await addPhotoToSession(db.file, session.id, await photoWithGps(900, 600), {
      alt: "The deploy freeze chart",
      caption: "Slide 7 <b>bold</b>",
    });
    const before = await mediaLibrary();

    const report = await publishToDestination({ conferenceSlug: CONF, destination: "blog" });
    expect(report.results[0]).toMatchObject({ action: "updated", error: null });
    const after = await mediaLibrary();
    expect(after).toHaveLength(before.length + 1);
    const uploaded = after.find((m) => !before.some((b) => b.id === m.id))!;
    expect(uploaded.alt_text).toBe("The deploy freeze chart");
    expect(uploaded.caption.raw).toBe("Slide 7 &lt;b&gt;bold&lt;/b&gt;");
    const recorded = await getPrisma().publishedMedia.findMany({ where: { destination: { name: "blog" } } });
    expect(recorded).toEqual([
      expect.objectContaining({ hash, remoteId: String(uploaded.id), url: uploaded.source_url }),
    ]);

    const post = await wpGet<Post>(`/wp/v2/posts/${postId}`);
    const src = /<img [^>]*src="([^"]+)"[^>]*alt="The deploy freeze chart"/.exec(post.content.rendered)?.[1];
    expect(src).toBe(uploaded.source_url);
    expect(src!.startsWith(`${(wp as { url: string }).url}/wp-content/uploads/`)).toBe(true);
    const image = await fetch(src!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toMatch(/^image\/jpeg/);
    const bytes = Buffer.from(await image.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);

    // Re-publishing, unchanged and after an edit, uploads nothing new and keeps the same file.
    expect((await publishToDestination({ conferenceSlug: CONF, destination: "blog" })).results[0]!.action).toBe(
      "skipped",
    );
    await getPrisma().session.updateMany({
      where: { slug: "shipping-on-fridays" },
      data: { intro: "Edited again, photo kept." },
    });
    expect((await publishToDestination({ conferenceSlug: CONF, destination: "blog" })).results[0]!.action).toBe(
      "updated",
    );
    expect(await mediaLibrary()).toHaveLength(after.length);
    const edited = await wpGet<Post>(`/wp/v2/posts/${postId}`);
    expect(edited.content.rendered).toContain("Edited again, photo kept.");
    expect(edited.content.rendered).toContain(`src="${uploaded.source_url}"`);
  });

  it("a user who may not upload fails the session with nothing recorded; the retry works once allowed", async () => {
    const user = await wpPost<{ id: number }>("/wp/v2/users", {
      username: "contributor",
      email: "contributor@example.org",
      password: "contributor-pw-1",
      roles: ["contributor"],
    });
    const app = await wpPost<{ password: string }>(`/wp/v2/users/${user.id}/application-passwords`, {
      name: "talknotes",
    });
    const { createDestination } = await import("../../server/data/publish-destinations");
    await createDestination(CONF, {
      kind: "wordpress",
      name: "contributor",
      settings: { url: (wp as { url: string }).url, username: "contributor", status: "draft" },
      secret: app.password,
    });
    const { getPrisma } = await import("../../server/db/prisma");
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    const before = await mediaLibrary();

    const failed = await publishToDestination({ conferenceSlug: CONF, destination: "contributor" });
    expect(failed.results[0]).toMatchObject({ slug: "shipping-on-fridays", action: "failed" });
    // The media library's refusal (upload_files), before any post was made.
    expect(failed.results[0]!.error).toMatch(/^WordPress answered 403: .+/);
    expect(await wpGet<Post[]>("/wp/v2/posts", `&author=${user.id}&status=publish,draft`)).toEqual([]);
    expect(await getPrisma().publishedPost.count({ where: { destination: { name: "contributor" } } })).toBe(0);
    expect(await getPrisma().publishedMedia.count({ where: { destination: { name: "contributor" } } })).toBe(0);
    expect(await mediaLibrary()).toHaveLength(before.length);

    await wpPost(`/wp/v2/users/${user.id}`, { roles: ["author"] });
    const retried = await publishToDestination({ conferenceSlug: CONF, destination: "contributor" });
    expect(retried.results[0]).toMatchObject({ action: "created", error: null });
    expect(await getPrisma().publishedMedia.count({ where: { destination: { name: "contributor" } } })).toBe(1);
    expect(await mediaLibrary()).toHaveLength(before.length + 1);
  });
});
