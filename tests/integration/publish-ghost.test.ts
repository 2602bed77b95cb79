import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhotoToSession } from "../support/add-photo-to-session";
import { photoWithGps } from "../support/photo-with-gps";
import { ROOT } from "../support/server-process";
import { talknotes } from "../support/talknotes";
import { startTestDatabase } from "../support/test-database";
import { testGhost } from "../support/test-ghost";

/**
 * The Ghost destination, against a real Ghost 5 on SQLite (installed
 * by scripts/install-ghost.sh, started by scripts/test-services.ts): the
 * first publish creates a post through the Admin API with the conference and
 * kind as tags, the excerpt and the session's first photo as feature image;
 * re-publishing after an edit updates the same post id (sending Ghost's
 * updated_at); an unchanged session is skipped; a wrong Admin API key fails
 * with Ghost's own message and records nothing; hostile titles and notes
 * arrive as text on the rendered public post.
 */
const ghost = testGhost();
if ("missing" in ghost) console.log(`skipped: ${ghost.missing}`);

const CONF = "harbour-ops-camp-ghost";
const db = startTestDatabase({ prefix: "talknotes-publish-ghost-" });
process.env.PUBLISH_ALLOW_HOSTS = "127.0.0.1";

const HOSTILE_TITLE = `<script>alert("title")</script><img src=x onerror=alert(3)> Fridays`;

type GhostPost = {
  id: string;
  title: string;
  status: string;
  url: string;
  html: string;
  custom_excerpt: string;
  feature_image: string | null;
  tags: Array<{ name: string }>;
};

async function ghostPost(id: string): Promise<GhostPost> {
  if ("missing" in ghost) throw new Error(ghost.missing);
  const { ghostAdminToken } = await import("../../server/publish/ghost-admin-token");
  const res = await fetch(`${ghost.url}/ghost/api/admin/posts/${id}/?formats=html&include=tags`, {
    headers: { authorization: `Ghost ${ghostAdminToken(ghost.adminKey)}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { posts: GhostPost[] }).posts[0]!;
}

beforeAll(async () => {
  if ("missing" in ghost) return;
  talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/panel.txt"), "--conference", CONF);
  talknotes("publish", "--conference", CONF, "--all");
  const { getPrisma } = await import("../../server/db/prisma");
  await getPrisma().session.updateMany({ where: { slug: "shipping-on-fridays" }, data: { title: HOSTILE_TITLE } });
  const session = await getPrisma().session.findFirstOrThrow({ where: { slug: "shipping-on-fridays" } });
  await addPhotoToSession(db.file, session.id, await photoWithGps(900, 600), {
    alt: "The panel on stage",
    caption: "Panel <b>caption</b>",
  });
  const { createDestination } = await import("../../server/data/publish-destinations");
  await createDestination(CONF, {
    kind: "ghost",
    name: "ghost",
    settings: { url: ghost.url, status: "published" },
    secret: ghost.adminKey,
  });
  // A well-formed key Ghost does not know.
  await createDestination(CONF, {
    kind: "ghost",
    name: "wrong-key",
    settings: { url: ghost.url, status: "draft" },
    secret: `${"a".repeat(24)}:${"b".repeat(64)}`,
  });
}, 180_000);

afterAll(() => {
  fs.rmSync(db.dir, { recursive: true, force: true });
});

describe.skipIf("missing" in ghost)("publishing to a real Ghost", () => {
  let postId = "";

  it("creates the post with tags, excerpt and feature image; hostile text stays inert", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    const report = await publishToDestination({ conferenceSlug: CONF, destination: "ghost" });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ slug: "shipping-on-fridays", action: "created", error: null });
    const { getPrisma } = await import("../../server/db/prisma");
    postId = (await getPrisma().publishedPost.findFirstOrThrow({ where: { destination: { name: "ghost" } } })).remoteId;
    const post = await ghostPost(postId);
    expect(post.status).toBe("published");
    expect(post.title).toContain(HOSTILE_TITLE);
    expect(post.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["Harbour Ops Camp", "panel"]));
    expect(post.custom_excerpt.length).toBeGreaterThan(10);
    expect(post.custom_excerpt.length).toBeLessThanOrEqual(300);
    expect(post.feature_image).toMatch(/\/content\/images\/.+\.jpg$/);
    expect(post.html).toContain("Should we deploy on Fridays at all?");
    expect(post.html).not.toMatch(/<script/i);
    expect(post.html).not.toMatch(/<img[^>]*onerror/i);

    // The public page Ghost renders: the title and notes as text, the feature image served.
    const page = await (await fetch(post.url)).text();
    expect(page).not.toMatch(/<script>alert/i);
    expect(page).not.toMatch(/<img src=x onerror/i);
    expect(page).toContain("&lt;script&gt;alert");
    expect((await fetch(new URL(post.feature_image!, post.url))).headers.get("content-type")).toBe("image/jpeg");
    expect(await getPrisma().publishedMedia.count({ where: { destination: { name: "ghost" } } })).toBe(1);
  }, 120_000);

  it("skips an unchanged session and updates the same post id after an edit", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    expect((await publishToDestination({ conferenceSlug: CONF, destination: "ghost" })).results[0]!.action).toBe(
      "skipped",
    );
    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().session.updateMany({
      where: { slug: "shipping-on-fridays" },
      data: { intro: "Edited after the panel: new intro." },
    });
    const report = await publishToDestination({ conferenceSlug: CONF, destination: "ghost" });
    expect(report.results[0]).toMatchObject({ action: "updated", error: null });
    expect(
      (await getPrisma().publishedPost.findFirstOrThrow({ where: { destination: { name: "ghost" } } })).remoteId,
    ).toBe(postId);
    expect((await ghostPost(postId)).html).toContain("Edited after the panel: new intro.");
    // The photo was not uploaded again.
    expect(await getPrisma().publishedMedia.count({ where: { destination: { name: "ghost" } } })).toBe(1);
  }, 120_000);

  it("a wrong Admin API key fails with Ghost's message, names no secret and records nothing", async () => {
    const { publishToDestination } = await import("../../server/publish/publish-to-destination");
    const failure = await publishToDestination({ conferenceSlug: CONF, destination: "wrong-key" }).then(
      () => null,
      (err: Error) => err,
    );
    expect(failure?.message).toMatch(/^Ghost answered 401: .+\(check the Admin API key\)$/);
    expect(failure?.message).not.toContain("b".repeat(16));
    const { getPrisma } = await import("../../server/db/prisma");
    expect(await getPrisma().publishedPost.count({ where: { destination: { name: "wrong-key" } } })).toBe(0);
  }, 60_000);
});
