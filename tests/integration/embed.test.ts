import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interchangeToNotes } from "../../lib/schema/interchange-to-notes";
import { seedYDocFromNotes } from "../../lib/schema/seed-ydoc-from-notes";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";
import { connectClient, synced } from "../support/yclient";

/**
 * Live notes on a conference site (docs/embed.md), against the real server and
 * SQLite: session and room embeds (themes, drafts, the schedule deciding what
 * runs in a room now), oEmbed as its spec says, framing refused everywhere
 * but /embed/, and a block starred in the Yjs document reaching the public
 * page's and the embed's Key moments.
 */

let server: RunningServer;
let token: string;
let liveId: string;
let CONF = "";
/** When "Tomorrow Morning" starts, as stored at set-up (a later clock may be a minute on). */
let tomorrowMorning: Date;
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

async function get(path: string): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

beforeAll(async () => {
  ({ server } = await startTestServer({ prefix: "talknotes-embed-" }));
  const { createConference } = await import("../../server/data/conferences");
  const { createSession } = await import("../../server/data/sessions");
  const { setSessionStatus } = await import("../../server/data/publish-sessions");
  const { seedEditorToken } = await import("../support/editor-token");
  const conference = await createConference({
    name: "Embed Conf",
    location: "",
    startsOn: "2026-12-01",
    timezone: "Europe/Berlin",
  });
  CONF = conference.slug;
  const add = async (title: string, room: string, from: number, status: "draft" | "live" | "published") => {
    const s = await createSession(CONF, { title, kind: "talk", room, startsAt: minutes(from) });
    if (status !== "draft") await setSessionStatus(CONF, s.slug, status);
    return s;
  };
  liveId = (await add("Running Now", "Room A", -10, "live")).id;
  await add("Later Today", "Room A", 50, "published");
  await add("Secret Draft", "Room B", -10, "draft");
  tomorrowMorning = (await add("Tomorrow Morning", "Room C", 60 * 20, "published")).startsAt!;
  token = await seedEditorToken(conference.id);
});

afterAll(async () => {
  await server?.stop();
});

describe("session embed", () => {
  it("is the notes in the host's theme, framable by any site", async () => {
    const res = await get(`/embed/${CONF}/running-now?theme=dark&accent=%23E8590C`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors *");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.text).toContain(`<html lang="en" class="embed" data-theme="dark" style="--accent:#ea6a24;`);
    expect(res.text).toContain("Running Now");
    expect(res.text).toContain(`"/c/${CONF}/running-now/live"`); // follows the existing live stream
  });

  it("ignores theme parameters that do not validate", async () => {
    const res = await get(`/embed/${CONF}/running-now?theme=%22%3E%3Cscript%3E&accent=red;x:y`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="en" class="embed">`);
    expect(res.text).not.toContain("red;x");
  });

  it("is 404 for a draft and for an unknown session", async () => {
    expect((await get(`/embed/${CONF}/secret-draft`)).status).toBe(404);
    expect((await get(`/embed/${CONF}/no-such-session`)).status).toBe(404);
    expect((await get(`/embed/${CONF}/secret-draft`)).text).not.toContain("Secret Draft");
  });
});

describe("room embed", () => {
  it("shows the session the schedule has running in the room now, by name or slug", async () => {
    for (const room of ["Room%20A", "room-a"]) {
      const res = await get(`/embed/${CONF}/rooms/${room}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<div id="notes"`);
      expect(res.text).toContain("Running Now");
      expect(res.headers.get("content-security-policy")).toBe("frame-ancestors *");
      // Looks again when the session ends (an hour after its start without an end time, or when the next starts).
      const refresh = Number(/http-equiv="refresh" content="(\d+)"/.exec(res.text)?.[1]);
      expect(refresh).toBeGreaterThan(0);
      expect(refresh).toBeLessThanOrEqual(15 * 60);
    }
  });

  it("says nothing is live, and what is next on the room's clock", async () => {
    const res = await get(`/embed/${CONF}/rooms/Room%20C`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`Nothing live in <span class="room">Room C</span> now.`);
    expect(res.text).toContain("Tomorrow Morning");
    const start = tomorrowMorning;
    const berlin = new Intl.DateTimeFormat("en-US", {
      hour: "numeric",
      minute: "2-digit",
      timeZone: "Europe/Berlin",
    }).format(start);
    expect(res.text).toContain(berlin);
  });

  it("never shows a draft: a room holding only drafts is unknown", async () => {
    const res = await get(`/embed/${CONF}/rooms/Room%20B`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("Secret Draft");
    expect((await get(`/embed/${CONF}/rooms/Nowhere`)).status).toBe(404);
  });
});

describe("framing policy", () => {
  it("refuses frames on every other page, the cached public page included", async () => {
    for (const path of [
      `/c/${CONF}/running-now`,
      `/c/${CONF}/running-now`,
      `/c/${CONF}`,
      "/login",
      `/api/oembed?url=x`,
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toBe("frame-ancestors 'none'");
    }
  });
});

describe("oEmbed", () => {
  const oembed = (params: Record<string, string>) => fetch(`${server.url}/api/oembed?${new URLSearchParams(params)}`);

  it("is discoverable from the public page", async () => {
    const page = (await get(`/c/${CONF}/running-now`)).text;
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/
      .exec(page)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(href).toBe(
      `${server.url}/api/oembed?url=${encodeURIComponent(`${server.url}/c/${CONF}/running-now`)}&format=json`,
    );
    const res = await fetch(href!);
    expect(res.status).toBe(200);
  });

  it("answers a rich embed of the session's iframe, within maxwidth/maxheight", async () => {
    const res = await oembed({
      url: `${server.url}/c/${CONF}/running-now`,
      format: "json",
      maxwidth: "480",
      maxheight: "400",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Talknotes",
      provider_url: server.url,
      title: "Running Now · Embed Conf",
      width: 480,
      height: 400,
    });
    expect(body.html).toContain(
      `<iframe src="${server.url}/embed/${CONF}/running-now" title="Live notes: Running Now · Embed Conf" width="480" height="400"`,
    );
  });

  it("keeps an embed URL's theme and answers for rooms", async () => {
    const themed = (await (await oembed({ url: `${server.url}/embed/${CONF}/running-now?theme=light` })).json()) as {
      html: string;
    };
    expect(themed.html).toContain(`/embed/${CONF}/running-now?theme=light"`);
    const room = (await (await oembed({ url: `${server.url}/embed/${CONF}/rooms/room-a`, format: "json" })).json()) as {
      html: string;
      title: string;
    };
    expect(room.title).toBe("Room A · Embed Conf");
    expect(room.html).toContain(`/embed/${CONF}/rooms/Room%20A"`);
  });

  it("404 for other sites, drafts and unknown pages; 400 without a url; 501 for other formats", async () => {
    expect((await oembed({ url: `https://elsewhere.example/c/${CONF}/running-now`, format: "json" })).status).toBe(404);
    expect((await oembed({ url: `${server.url}/c/${CONF}/secret-draft`, format: "json" })).status).toBe(404);
    expect((await oembed({ url: `${server.url}/c/${CONF}/nope`, format: "json" })).status).toBe(404);
    expect((await oembed({ url: `${server.url}/conferences/${CONF}`, format: "json" })).status).toBe(404);
    expect((await oembed({ url: `${server.url}/embed/${CONF}/rooms/Room%20B`, format: "json" })).status).toBe(404);
    expect((await oembed({ format: "json" })).status).toBe(400);
    expect((await oembed({ url: `${server.url}/c/${CONF}/running-now`, format: "xml" })).status).toBe(501);
  });
});

describe("key moments from the shared document", () => {
  it("a block starred in the Yjs document is listed on the public page and the embed", async () => {
    const client = connectClient(server.wsUrl, liveId, { token });
    try {
      await synced(client);
      seedYDocFromNotes(
        client.doc,
        interchangeToNotes({
          blocks: [
            { type: "note", text: "Warm-up", children: [] },
            { type: "note", text: "We deploy forty times a day", children: [], starred: true },
          ],
        }),
      );
      const deadline = Date.now() + 15_000;
      let page = "";
      while (Date.now() < deadline) {
        page = (await get(`/c/${CONF}/running-now`)).text;
        if (page.includes(`<a href="#n-2">We deploy forty times a day</a>`)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(page).toContain(
        `<div id="moments"><ol class="key-moments-list"><li><a href="#n-2">We deploy forty times a day</a></li></ol></div>`,
      );
      expect(page).toMatch(/class="note starred" id="n-2"/);
      expect((await get(`/embed/${CONF}/running-now`)).text).toContain(
        `<a href="#n-2">We deploy forty times a day</a>`,
      );
    } finally {
      client.destroy();
    }
  });
});
