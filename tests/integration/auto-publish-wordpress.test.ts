import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedAccount, sessionCookie } from "../support/auth-seed";
import { postServerAction } from "../support/post-server-action";
import { importPanel } from "../support/import-panel";
import type { RunningServer } from "../support/server-process";
import { type SwitchableProxy, startSwitchableProxy } from "../support/switchable-proxy";
import { startTestServer } from "../support/test-server";
import { talknotes } from "../support/talknotes";
import { testWordPress } from "../support/test-wordpress";

/**
 * Publishing "on status change to published, publish automatically", through
 * the real server against a real WordPress (scripts/test-services.ts): an
 * owner ticks "Publish automatically" on the Publishing page; a session set
 * to published from its page, through the JSON API or by the CLI (another
 * process) is then posted in the background, to the same post each time. A
 * blog that does not answer holds up neither the status change nor the other
 * destinations; a blog that is down is retried with backoff and gets the post
 * once it is back; the error and the retry show on the Publishing page.
 */
const wp = testWordPress();
if ("missing" in wp) console.log(`skipped: ${wp.missing}`);

let server: RunningServer;
let conference = "";
let session = "";
let cookie = "";
let token = "";
/** Accepts connections and never answers: a blog that hangs. */
const silent = net.createServer(() => undefined);
const silentSockets = new Set<net.Socket>();
silent.on("connection", (s) => silentSockets.add(s));
/** Forwards to WordPress once restored: a blog that is down, then back. */
let flaky: SwitchableProxy | null = null;

const page = async (url: string) =>
  (await fetch(`${server.url}${url}`, { headers: { cookie }, redirect: "manual" })).text();

async function job(destination: string) {
  const { getPrisma } = await import("../../server/db/prisma");
  return getPrisma().publishJob.findFirst({
    where: { destination: { name: destination }, session: { slug: session } },
  });
}

async function publishedPost(destination: string) {
  const { getPrisma } = await import("../../server/db/prisma");
  return getPrisma().publishedPost.findFirst({
    where: { destination: { name: destination }, session: { slug: session } },
  });
}

async function wpPost(id: string): Promise<{ id: number; status: string; title: { raw: string } }> {
  if ("missing" in wp) throw new Error(wp.missing);
  const res = await fetch(`${wp.url}/?rest_route=${encodeURIComponent(`/wp/v2/posts/${id}`)}&context=edit`, {
    headers: { authorization: `Basic ${Buffer.from(`${wp.username}:${wp.password}`).toString("base64")}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: number; status: string; title: { raw: string } };
}

async function setStatusThroughApi(status: string) {
  const res = await fetch(`${server.url}/api/v1/conferences/${conference}/sessions/${session}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ status }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Adds a WordPress destination on the Publishing page, as an owner does, with automatic publishing ticked. */
async function addBlog(name: string, url: string) {
  if ("missing" in wp) throw new Error(wp.missing);
  const html = await page(`/conferences/${conference}/publishing`);
  const res = await postServerAction(`${server.url}/conferences/${conference}/publishing`, html, {
    form: "new-wordpress",
    fields: { name, url, username: wp.username, secret: wp.password, status: "publish", autoPublish: "on" },
    headers: { cookie },
  });
  expect(res.status).toBeLessThan(400);
}

beforeAll(async () => {
  if ("missing" in wp) return;
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  flaky = await startSwitchableProxy(Number(new URL(wp.url).port));
  flaky.cut();
  ({ server } = await startTestServer({
    prefix: "talknotes-auto-publish-",
    env: { PUBLISH_ALLOW_HOSTS: "127.0.0.1", PUBLISH_RETRY_SECONDS: "1" },
  }));
  const { createAccessToken } = await import("../../server/auth/access-tokens");
  const imported = await importPanel();
  conference = imported.conference.slug;
  session = imported.session.slug;
  const owner = await seedAccount({ name: "The owner", conferenceId: imported.conference.id, role: "owner" });
  cookie = await sessionCookie(owner.email);
  token = (await createAccessToken(owner.id, { name: "auto-publish" })).token;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const s of silentSockets) s.destroy();
  silent.close();
  await flaky?.close();
});

describe.skipIf("missing" in wp)("publishing automatically when a session is published", () => {
  it("publishing from the session page posts it in the background; a blog that hangs holds up nothing", async () => {
    if ("missing" in wp) return;
    await addBlog("blog", wp.url);
    await addBlog("hangs", `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
    expect(await page(`/conferences/${conference}/publishing`)).toContain("publishes automatically");

    const html = await page(`/conferences/${conference}/sessions/${session}`);
    const started = Date.now();
    const res = await postServerAction(`${server.url}/conferences/${conference}/sessions/${session}`, html, {
      form: "status-control",
      fields: { status: "published" },
      headers: { cookie },
    });
    expect(res.status).toBeLessThan(400);
    // The status changed at once, though one of the blogs never answers (its requests wait 30 s).
    expect(Date.now() - started).toBeLessThan(15_000);
    const { getPrisma } = await import("../../server/db/prisma");
    expect((await getPrisma().session.findFirst({ where: { slug: session } }))?.status).toBe("published");

    await vi.waitFor(async () => expect((await job("blog"))?.state).toBe("done"), { timeout: 60_000, interval: 250 });
    expect((await job("blog"))?.lastAction).toBe("created");
    // Still waiting on the silent blog: the other destination did not wait for it.
    expect((await job("hangs"))?.state).toBe("running");
    const post = await publishedPost("blog");
    expect((await wpPost(post!.remoteId)).status).toBe("publish");
    expect((await wpPost(post!.remoteId)).title.raw).toContain("Shipping On Fridays");

    // The silent blog hangs up: the attempt fails with its error and is retried later.
    for (const s of silentSockets) s.destroy();
    await vi.waitFor(async () => expect((await job("hangs"))?.lastError).toMatch(/unreachable/), {
      timeout: 60_000,
      interval: 250,
    });
    await getPrisma().publishDestination.deleteMany({ where: { name: "hangs" } });
  }, 180_000);

  it("publishing through the JSON API retries a blog that is down until it is back, and the page shows why", async () => {
    if ("missing" in wp) return;
    await addBlog("flaky", `http://127.0.0.1:${flaky!.port}`);
    const before = await publishedPost("blog");
    await setStatusThroughApi("draft");
    await setStatusThroughApi("published");

    await vi.waitFor(
      async () =>
        expect((await job("flaky"))?.lastError).toMatch(
          /WordPress at http:\/\/127\.0\.0\.1:\d+ is unreachable: ECONNREFUSED/,
        ),
      {
        timeout: 60_000,
        interval: 250,
      },
    );
    const html = await page(`/conferences/${conference}/publishing`);
    expect(html).toContain("is unreachable: ECONNREFUSED");
    expect(html).not.toContain(wp.password);

    // The blog comes back: the next retry posts the session.
    await flaky!.restore();
    await vi.waitFor(async () => expect((await job("flaky"))?.state).toBe("done"), { timeout: 60_000, interval: 250 });
    const done = (await job("flaky"))!;
    expect(done.attempts).toBeGreaterThan(1);
    expect(done.lastAction).toBe("created");
    expect((await wpPost((await publishedPost("flaky"))!.remoteId)).status).toBe("publish");

    // The blog that was up got the same post again: unchanged, so skipped, same id.
    await vi.waitFor(async () => expect((await job("blog"))?.state).toBe("done"), { timeout: 60_000, interval: 250 });
    expect((await publishedPost("blog"))!.remoteId).toBe(before!.remoteId);
  }, 180_000);

  it("a session published by the CLI (another process) is posted by the server", async () => {
    if ("missing" in wp) return;
    const { getPrisma } = await import("../../server/db/prisma");
    await setStatusThroughApi("draft");
    const before = await job("blog");
    // An edit, so the post is updated rather than skipped.
    await getPrisma().session.updateMany({
      where: { slug: session },
      data: { title: "Shipping On Fridays, revisited" },
    });
    talknotes("publish", "--conference", conference, "--session", session);
    await vi.waitFor(
      async () => {
        const now = await job("blog");
        expect(now?.state).toBe("done");
        expect(now!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
      },
      { timeout: 60_000, interval: 250 },
    );
    expect((await job("blog"))?.lastAction).toBe("updated");
    const post = await publishedPost("blog");
    expect((await wpPost(post!.remoteId)).title.raw).toContain("Shipping On Fridays, revisited");
  }, 180_000);
});
