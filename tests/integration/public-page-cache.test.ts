import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";
import { connectClient, synced } from "../support/yclient";
import { firstNoteText } from "../support/first-note-text";

/**
 * The public session page answered from the entry point's cache
 * (server/reader/public-page-cache.ts): the same bytes Next rendered, 304 for
 * a matching ETag, and never a page that changed since, above all never a
 * session that went back to draft. Status changes are made from this process,
 * as the CLI makes them from its own: the server is not told, it must notice.
 */

let server: RunningServer;
let sessionId: string;
let token: string;
let pageUrl: string;
let conferenceSlug: string;
let sessionSlug: string;

beforeAll(async () => {
  ({ server, sessionId, token } = await startSeededServer({ prefix: "talknotes-public-cache-" }));
  const { getPrisma } = await import("../../server/db/prisma");
  const session = await getPrisma().session.findUniqueOrThrow({
    where: { id: sessionId },
    include: { conference: true },
  });
  conferenceSlug = session.conference.slug;
  sessionSlug = session.slug;
  pageUrl = `${server.url}/c/${conferenceSlug}/${sessionSlug}`;
});

afterAll(async () => {
  await server?.stop();
});

async function setStatus(status: "draft" | "live" | "published") {
  const { setSessionStatus } = await import("../../server/data/publish-sessions");
  await setSessionStatus(conferenceSlug, sessionSlug, status);
}

/** Polls the page until `predicate` holds for its body (the readers' copy is rendered a moment after an edit). */
async function pageWhere(predicate: (html: string) => boolean, what: string): Promise<Response & { html: string }> {
  let last: (Response & { html: string }) | null = null;
  const start = Date.now();
  while (Date.now() - start < 10_000) {
    const res = await fetch(pageUrl);
    last = Object.assign(res, { html: await res.text() });
    if (res.status === 200 && predicate(last.html)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last status ${last?.status}`);
}

describe("public session page served from the entry point", () => {
  it("is 404 while a draft, then serves the same bytes with an ETag, and 304 for it", async () => {
    expect((await fetch(pageUrl)).status).toBe(404);
    await setStatus("published");

    const first = await fetch(pageUrl);
    const firstHtml = await first.text();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    for (const encoding of ["gzip", "identity"]) {
      const again = await fetch(pageUrl, { headers: { "accept-encoding": encoding } });
      expect(again.status).toBe(200);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(again.headers.get("cache-control")).toBe("no-cache");
      expect(await again.text()).toBe(firstHtml);
    }

    const notModified = await fetch(pageUrl, { headers: { "if-none-match": `W/"other", ${etag}` } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag);
    expect((await fetch(pageUrl, { headers: { "if-none-match": `"other"` } })).status).toBe(200);

    const head = await fetch(pageUrl, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
  });

  it("answers 404 as soon as the session is back to draft, and 304 never leaks it", async () => {
    await setStatus("published");
    const etag = (await fetch(pageUrl)).headers.get("etag")!;
    await fetch(pageUrl); // served from the cache at least once
    await setStatus("draft");
    const gone = await fetch(pageUrl);
    expect(gone.status).toBe(404);
    expect(await gone.text()).not.toContain("Making The Business Case");
    expect((await fetch(pageUrl, { headers: { "if-none-match": etag } })).status).toBe(404);
  });

  it("shows a status change and an edit on the next request", async () => {
    await setStatus("published");
    const published = await pageWhere(() => true, "published page");
    await setStatus("live");
    const live = await fetch(pageUrl);
    expect(live.status).toBe(200);
    expect(live.headers.get("etag")).not.toBe(published.headers.get("etag"));
    expect(await live.text()).not.toBe(published.html);

    const editor = connectClient(server.wsUrl, sessionId, { token });
    try {
      await synced(editor);
      const before = (await fetch(pageUrl)).headers.get("etag");
      firstNoteText(editor.doc).insert(0, "Cached pages follow every edit.");
      const edited = await pageWhere(
        (html) => html.includes("Cached pages follow every edit."),
        "the edit on the page",
      );
      expect(edited.headers.get("etag")).not.toBe(before);
      // Once the store and the readers' copy have settled (each touches the notes, a new version),
      // the same bytes again, and the ETag names them.
      let previous = edited.html;
      const settled = await pageWhere((html) => {
        const same = html === previous;
        previous = html;
        return same;
      }, "the page to settle");
      const cached = await fetch(pageUrl);
      const again = await fetch(pageUrl, { headers: { "if-none-match": cached.headers.get("etag")! } });
      expect(await cached.text()).toBe(settled.html);
      expect(again.status).toBe(304);
    } finally {
      editor.destroy();
    }
  });
});
