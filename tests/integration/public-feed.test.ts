import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPanel } from "../support/import-panel";
import { publishWithAuthors } from "../support/publish-with-authors";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";

/**
 * Public reading against the real server and a real SQLite file: the Atom feed
 * parses with a real XML parser and has the structure RFC 4287 requires;
 * drafts are 404 and absent from the sitemap; search links to the thread.
 */
let server: RunningServer;
let conference = "";
let published = "";
let draft = "";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

beforeAll(async () => {
  ({ server } = await startTestServer());
  const first = await importPanel();
  const second = await importPanel();
  conference = first.conference.slug;
  published = first.session.slug;
  draft = second.session.slug;
  // A revision records who wrote the notes: the byline and the feed's authors come from it.
  await publishWithAuthors(conference, published, ["Kim Note"], "after the panel");
});

afterAll(async () => {
  await server?.stop();
});

describe("public reading over HTTP", () => {
  it("serves an Atom feed that parses and has every required element", async () => {
    const res = await fetch(`${server.url}/c/${conference}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      isArray: (name) => ["entry", "link", "author", "category"].includes(name),
    }).parse(xml);
    const feed = parsed.feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${server.url}/c/${conference}`);
    expect(String(feed.title["#text"])).toContain("Harbour Ops Camp");
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author[0].name).toBeTruthy();
    const links = Object.fromEntries(feed.link.map((l: Record<string, string>) => [l["@rel"], l["@href"]]));
    expect(links.self).toBe(`${server.url}/c/${conference}/feed.xml`);
    expect(links.alternate).toBe(`${server.url}/c/${conference}`);

    // Only the published session: the draft is not in the feed.
    expect(feed.entry).toHaveLength(1);
    const entry = feed.entry[0];
    expect(entry.id).toBe(`${server.url}/c/${conference}/${published}`);
    expect(String(entry.title["#text"])).toBe("Shipping On Fridays");
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.link[0]["@rel"]).toBe("alternate");
    expect(entry.link[0]["@href"]).toBe(entry.id);
    expect(entry.content["@type"]).toBe("html");
    const content = String(entry.content["#text"]);
    expect(content).toContain('<article class="thread" id="q-1"');
    expect(content).toContain(`href="${server.url}/c/${conference}/people/`);
    expect(entry.summary["#text"]).toMatch(/^Panel with /);
    // Speakers are those on stage; Priya asked from the audience. The note-taker is the entry's author.
    expect(entry.summary["#text"]).toContain("Dana Whitfield");
    expect(entry.summary["#text"]).not.toContain("Priya");
    expect(entry.author.map((a: { name: string }) => a.name)).toEqual(["Kim Note"]);
  });

  it("lists only people on stage on the agenda and bylines the note-taker on the session page", async () => {
    const agenda = await (await fetch(`${server.url}/c/${conference}`)).text();
    expect(agenda).toContain("Dana Whitfield");
    expect(agenda).not.toContain("Priya");
    const page = await (await fetch(`${server.url}/c/${conference}/${published}`)).text();
    expect(page).toContain("Notes by Kim Note");
  });

  it("answers 404 alike for drafts and unknown sessions, and 200 for the published one", async () => {
    expect((await fetch(`${server.url}/c/${conference}/${draft}`)).status).toBe(404);
    expect((await fetch(`${server.url}/c/${conference}/no-such-session`)).status).toBe(404);
    expect((await fetch(`${server.url}/c/${conference}/${draft}/live`)).status).toBe(404);
    const page = await fetch(`${server.url}/c/${conference}/${published}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<meta property="og:title"');
    expect(html).toContain('<meta name="twitter:card" content="summary"');
    expect(html).toContain(`<link rel="canonical" href="${server.url}/c/${conference}/${published}"`);
  });

  it("lists public pages in the sitemap and nothing else", async () => {
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(sitemap).toContain(`${server.url}/c/${conference}/${published}</loc>`);
    expect(sitemap).not.toContain(`/${draft}<`);
    const robots = await (await fetch(`${server.url}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    expect(robots).toContain("Disallow: /conferences/");
  });

  it("searches the conference's public notes and links to the thread", async () => {
    const html = await (
      await fetch(`${server.url}/c/${conference}/search?q=${encodeURIComponent("error budget")}`)
    ).text();
    const link = new RegExp(`href="/c/${conference}/${published}#(s-\\d+)"`).exec(html);
    expect(link, "a result linking to a statement anchor").not.toBeNull();
    expect(html).toContain("<mark>error</mark> <mark>budget</mark>");
    expect(html).not.toContain(`/${draft}#`);
    const page = await (await fetch(`${server.url}/c/${conference}/${published}`)).text();
    expect(page).toContain(`id="${link![1]}"`);
  });
});
