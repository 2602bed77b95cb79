import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstNoteText } from "../support/first-note-text";
import { type ScaledDeployment, startScaledDeployment } from "../support/scaled-deployment";
import { testServices } from "../support/test-services";
import { connectClient, synced } from "../support/yclient";

const { postgresUrl, missing } = testServices();
if (missing) console.warn(`public-page-cache-scaleout: skipped, ${missing}`);

/**
 * The public page fast path (server/reader/public-page-cache.ts) on
 * PostgreSQL with two instances: each answers 304 from its own cache, and a
 * change made anywhere (this process through Prisma, as the CLI would; an
 * edit on the other instance) shows on the very next request to either,
 * because each request reads the page's key from the shared database.
 */
describe.skipIf(!postgresUrl)("public page cache on PostgreSQL, two instances", () => {
  let deployment: ScaledDeployment;
  const pageUrl = (i: number) =>
    `${deployment.servers[i]!.url}/c/${deployment.conferenceSlug}/${deployment.sessionSlug}`;

  beforeAll(async () => {
    deployment = await startScaledDeployment(postgresUrl!, 2);
  }, 120_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  async function setStatus(status: "draft" | "live" | "published") {
    const { setSessionStatus } = await import("../../server/data/publish-sessions");
    await setSessionStatus(deployment.conferenceSlug, deployment.sessionSlug, status);
  }

  /** Polls instance `i`'s page until `predicate` holds for its body. */
  async function pageWhere(
    i: number,
    predicate: (html: string) => boolean,
    what: string,
  ): Promise<{ etag: string | null; html: string }> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await fetch(pageUrl(i));
      const html = await res.text();
      if (res.status === 200 && predicate(html)) return { etag: res.headers.get("etag"), html };
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what} on instance ${i + 1}; status ${res.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("serves 304 from each instance's cache, and never a page a change made elsewhere made stale", async () => {
    expect((await fetch(pageUrl(0))).status).toBe(404);
    await setStatus("published");
    const etags: string[] = [];
    for (const i of [0, 1]) {
      const first = await fetch(pageUrl(i));
      expect(first.status).toBe(200);
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      etags.push(etag!);
      const again = await fetch(pageUrl(i), { headers: { "if-none-match": etag! } });
      expect(again.status).toBe(304);
    }
    // Back to draft, changed from outside both instances: 404 on the next request, never a 304.
    await setStatus("draft");
    for (const i of [0, 1])
      expect((await fetch(pageUrl(i), { headers: { "if-none-match": etags[i]! } })).status).toBe(404);

    // An edit on instance 1 shows on instance 2's page, whose cached copy was of before.
    await setStatus("live");
    const before = await pageWhere(1, () => true, "the live page");
    const editor = connectClient(deployment.servers[0]!.wsUrl, deployment.sessionId, { token: deployment.token });
    try {
      await synced(editor);
      firstNoteText(editor.doc).insert(0, "Seen on every instance.");
      const after = await pageWhere(1, (html) => html.includes("Seen on every instance."), "the edit");
      expect(after.etag).not.toBe(before.etag);
      // Settled, it is cached again on that instance.
      let previous = "";
      const settled = await pageWhere(
        1,
        (html) => {
          const same = html === previous;
          previous = html;
          return same;
        },
        "the page to settle",
      );
      expect((await fetch(pageUrl(1), { headers: { "if-none-match": settled.etag! } })).status).toBe(304);
    } finally {
      editor.destroy();
    }
  }, 90_000);
});
