import { describe, expect, it } from "vitest";
import {
  type PublicSessionPageData,
  renderPublicNotFoundPage,
  renderPublicSessionPage,
} from "./render-public-session-page";

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

function page(
  overrides: Partial<PublicSessionPageData["session"]> = {},
  people: PublicSessionPageData["people"] = [],
  noteTakers: string[] = [],
  extra: Partial<PublicSessionPageData> = {},
): string {
  return renderPublicSessionPage({
    origin: "https://notes.example.org",
    stylesheet: "/c/reader.css?v=abc",
    conference: { name: `DevOps Day ${HOSTILE}`, slug: "devopsday", timezone: "America/Los_Angeles" },
    session: {
      title: `Making The Business Case ${HOSTILE}`,
      slug: "making-the-business-case",
      kind: "panel",
      status: "published",
      intro: `First paragraph ${HOSTILE}\n\nSecond paragraph`,
      room: "Main hall",
      track: null,
      startsAt: new Date("2010-06-25T17:00:00Z"),
      updatedAt: new Date("2010-06-25T19:00:00Z"),
      ...overrides,
    },
    people,
    noteTakers,
    html: {
      notes: `<article class="thread" id="q-1">escaped by the notes renderer</article>`,
      chart: "<table></table>",
    },
    version: "42",
    threads: 6,
    ...extra,
  });
}

describe("renderPublicSessionPage", () => {
  it("is a whole document with the notes, header, canonical link and social cards", () => {
    const html = page({}, [
      { id: "p2", name: "Jody Mulkey", affiliation: "Shopzilla", role: "panelist", position: 1 },
      { id: "p1", name: "Damon Edwards", affiliation: "DTO Solutions", role: "moderator", position: 5 },
      { id: "p3", name: "Israel", affiliation: null, role: "audience", position: 6 },
    ]);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain(
      `<link rel="canonical" href="https://notes.example.org/c/devopsday/making-the-business-case">`,
    );
    expect(html).toContain(`<meta property="og:type" content="article">`);
    expect(html).toContain(`<meta name="twitter:card" content="summary">`);
    expect(html).toContain(`<link rel="stylesheet" href="/c/reader.css?v=abc">`);
    expect(html).toContain(`<div id="notes" class="reader-notes" data-version="42"><article class="thread" id="q-1">`);
    // The moderator comes first, the audience is not on stage.
    expect(html.indexOf("Damon Edwards")).toBeLessThan(html.indexOf("Jody Mulkey"));
    expect(html).not.toContain(">Israel<");
    expect(html).toContain("Fri, June 25, 2010 at 10:00 AM"); // in the conference's time zone
    expect(html).toContain(`<p class="intro">Second paragraph</p>`);
  });

  it("credits the note-takers in a byline and as the article's authors, not the speakers", () => {
    const html = page(
      {},
      [{ id: "p1", name: "Damon Edwards", affiliation: null, role: "moderator", position: 0 }],
      ["Kim Note", "Lee Scribe"],
    );
    expect(html).toContain(`<p class="byline" data-testid="byline">Notes by Kim Note and Lee Scribe</p>`);
    expect(html).toContain(`<meta property="article:author" content="Kim Note">`);
    expect(html).not.toContain(`<meta property="article:author" content="Damon Edwards">`);
    expect(page()).not.toContain("byline");
  });

  it("escapes every user string: no tag, attribute or script of theirs survives", () => {
    const html = page(
      {},
      [{ id: "p1", name: HOSTILE, affiliation: HOSTILE, role: "panelist", position: 0 }],
      [HOSTILE],
    );
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<script/g) ?? []).toHaveLength(0); // published: no live script either
  });

  it("adds the live reader (inline, no files) only while the session is live", () => {
    const live = page({ status: "live" });
    expect(live).toContain(`data-testid="live-indicator"`);
    expect(live.match(/<script>/g)).toHaveLength(1);
    expect(live).toContain(`new EventSource(src)`);
    expect(live).toContain(`"/c/devopsday/making-the-business-case/live"`);
    expect(live).not.toMatch(/<script src=/);
    expect(page({ status: "archived" })).not.toContain("EventSource");
  });

  it("links its oEmbed description for CMSs given the page's URL", () => {
    expect(page()).toContain(
      `<link rel="alternate" type="application/json+oembed" href="https://notes.example.org/api/oembed?url=https%3A%2F%2Fnotes.example.org%2Fc%2Fdevopsday%2Fmaking-the-business-case&amp;format=json"`,
    );
  });

  it("shows key moments above the notes, and keeps an empty (hidden) place for live updates", () => {
    const moments = `<ol class="key-moments-list"><li><a href="#s-2">Jody: focus</a></li></ol>`;
    const html = page({}, [], [], { html: { notes: "<p>notes</p>", chart: "", moments } });
    expect(html).toContain(
      `<section class="key-moments" id="key-moments" aria-labelledby="moments-heading"><h2 id="moments-heading">Key moments</h2><div id="moments">${moments}</div></section>`,
    );
    expect(html.indexOf("Key moments")).toBeLessThan(html.indexOf(`id="notes"`));
    expect(page()).toContain(`<section class="key-moments" id="key-moments" aria-labelledby="moments-heading" hidden>`);
    expect(page({ status: "live" })).toContain(`moments.innerHTML=d.moments`);
  });

  it("renders the embed: the notes without the site around them, the host's theme, the resize lines, no files", () => {
    const html = page({ status: "live" }, [], [], { embed: { theme: { theme: "dark", accent: "#e8590c" } } });
    // The host's orange, lightened just enough to read at 4.5:1 on the dark page (readableAccent).
    expect(html).toContain(`<html lang="en" class="embed" data-theme="dark" style="--accent:#ea6a24;`);
    expect(html).not.toContain(`class="site-header"`);
    expect(html).not.toContain(`class="crumbs"`);
    expect(html).not.toContain(`id="chart"`);
    expect(html).toContain(`<base target="_blank">`);
    expect(html).toContain(`<meta name="robots" content="noindex">`);
    expect(html).toContain(`<div id="notes" class="reader-notes" data-version="42">`);
    expect(html).toContain(`talknotes:embed-height`);
    expect(html).toContain(`new EventSource(src)`);
    expect(html).not.toMatch(/<script src=/);
    expect(html.match(/<script>/g)).toHaveLength(2);
    // No theme chosen: follows the system, no inline style.
    const plain = page({}, [], [], { embed: { theme: { theme: null, accent: null } } });
    expect(plain).toContain(`<html lang="en" class="embed">`);
    expect(plain).not.toContain("EventSource");
  });

  it("has a 404 page that says nothing about what exists", () => {
    const html = renderPublicNotFoundPage("/c/reader.css?v=abc");
    expect(html).toContain("<title>Not found · Talknotes</title>");
    expect(html).toContain(`<meta name="robots" content="noindex">`);
  });
});
