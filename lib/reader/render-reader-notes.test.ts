import { describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../interchange/types";
import { blockAnchors } from "./block-anchors";
import { readerEntries } from "./reader-entries";
import { renderReaderNotes } from "./render-reader-notes";
import { renderSpeakerChart } from "./render-speaker-chart";
import { speakerStats } from "./speaker-stats";

const PANEL: TalkNotesDocument = {
  format: "talknotes/1",
  conference: { name: "DevOps Day", location: "Santa Clara, CA", startsOn: "2010-06-25" },
  session: { title: "Making The Business Case", kind: "panel", intro: "" },
  people: [
    { id: "jody", name: "Jody Mulkey", affiliation: "Shopzilla", role: "panelist" },
    { id: "rolf", name: "Rolf Andrew Russell", affiliation: "ThoughtWorks", role: "panelist" },
    { id: "evil", name: '<img src=x onerror="alert(1)">', role: "audience" },
  ],
  blocks: [
    { type: "note", text: "Intro <b>remarks</b>", children: [] },
    {
      type: "question",
      text: "What are the anti-patterns?",
      askedBy: null,
      answers: [
        {
          type: "statement",
          speaker: "jody",
          text: "focus on unplanned work",
          asides: ["so cool"],
          children: [{ type: "statement", speaker: null, text: "and measure it", asides: [], children: [] }],
        },
        {
          type: "statement",
          speaker: "rolf",
          text: "don't mention DevOps. javascript:alert(1)",
          asides: [],
          children: [],
        },
      ],
    },
    {
      type: "question",
      text: "What should IT measure? </h3><script>alert(1)</script>",
      askedBy: "evil",
      answers: [
        { type: "statement", speaker: "evil", text: "dollars https://example.org/x?a=1&b=2", asides: [], children: [] },
      ],
    },
    { type: "aside", text: "great point" },
    { type: "tip", text: "Read Visible Ops", children: [] },
  ],
};

const href = (id: string) => `/c/devops-day/people/${id}`;

describe("renderReaderNotes", () => {
  const html = renderReaderNotes(PANEL, { personHref: href });

  it("gives every thread an article with a permalink anchor and a heading", () => {
    expect(html).toContain(
      '<article class="thread" id="q-1" aria-labelledby="q-1-h"><h3 class="thread-q" id="q-1-h"><span class="sr-only">Question: </span>',
    );
    expect(html).toContain('<a class="permalink" href="#q-1" aria-label="Link to this thread">#</a>');
    expect(html).toContain('id="q-2"');
    expect(html.match(/<article class="thread"/g)).toHaveLength(2);
  });

  it("links speakers to their pages and numbers statements in reading order", () => {
    expect(html).toContain(
      '<li class="statement" id="s-1"><a class="who" href="/c/devops-day/people/jody" title="Jody Mulkey, Shopzilla" aria-label="Jody Mulkey, Shopzilla">Jody</a><span class="sr-only">:</span> <span class="said">',
    );
    expect(html).toContain('<li class="statement continued" id="s-2"><span class="said">and measure it</span>');
    expect(html).toContain('id="s-3"><a class="who" href="/c/devops-day/people/rolf"');
  });

  it("marks up asides and tips for styling and for screen readers", () => {
    expect(html).toContain(`<span class="aside"><span class="aside-label">note-taker</span> (so cool)</span>`);
    expect(html).toContain('<li class="aside-block" id="n-2">');
    expect(html).toContain('<li class="tip" id="n-3"><strong class="tip-label">Tip</strong> Read Visible Ops');
  });

  it("escapes every piece of user text and links only http(s) URLs", () => {
    expect(html).not.toMatch(/<script|<img|<b>|onerror="/);
    expect(html).toContain("Intro &lt;b&gt;remarks&lt;/b&gt;");
    expect(html).toContain("&lt;/h3&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('<a href="https://example.org/x?a=1&amp;b=2" rel="nofollow noopener">');
    expect(html).not.toContain('href="javascript:');
  });

  it("uses the same anchors as the flattened entries (search and speaker pages link to them)", () => {
    const anchors = [...blockAnchors(PANEL.blocks).values()];
    for (const a of anchors) expect(html).toContain(`id="${a}"`);
    const entries = readerEntries(PANEL);
    expect(entries.map((e) => e.anchor)).toEqual(anchors);
    expect(entries.find((e) => e.anchor === "s-2")).toMatchObject({
      speaker: "jody",
      thread: "q-1",
      threadText: "What are the anti-patterns?",
    });
  });

  it("puts a talk's threads one heading level down", () => {
    const ignite: TalkNotesDocument = {
      ...PANEL,
      blocks: [
        {
          type: "talk",
          title: "Talk <one>",
          speakers: ["jody"],
          children: [{ type: "question", text: "Why?", askedBy: null, answers: [] }],
        },
      ],
    };
    const out = renderReaderNotes(ignite, { personHref: () => null });
    expect(out).toContain(
      '<section class="talk" id="t-1" aria-labelledby="t-1-h"><h3 id="t-1-h">Talk &lt;one&gt;</h3>',
    );
    expect(out).toContain('<h4 class="thread-q" id="q-1-h"><span class="sr-only">Question: </span>');
    expect(out).toContain(
      '<span class="who" title="Jody Mulkey, Shopzilla"><span aria-hidden="true">Jody</span><span class="sr-only">Jody Mulkey, Shopzilla</span></span>',
    );
  });
});

describe("speakerStats and the chart", () => {
  it("counts statements (continuations included) and words per person, most words first", () => {
    const stats = speakerStats(PANEL);
    // evil: a 9-word question they asked plus a 9-word answer; jody: 4 + 3 (the continuation is theirs).
    expect(stats.map((s) => [s.personId, s.statements, s.words])).toEqual([
      ["evil", 2, 18],
      ["jody", 2, 7],
      ["rolf", 1, 6],
    ]);
  });

  it("renders an accessible table with escaped names and proportional bars", () => {
    const chart = renderSpeakerChart(speakerStats(PANEL), href);
    expect(chart).toContain('<caption class="sr-only">Statements and words per person</caption>');
    expect(chart).toContain(
      '<th scope="row"><a href="/c/devops-day/people/jody">Jody Mulkey</a><span class="bar" aria-hidden="true" style="width:39%"></span></th><td class="num">2</td><td class="num">7</td>',
    );
    expect(chart).toContain('style="width:100%"');
    expect(chart).not.toContain("<img");
    expect(renderSpeakerChart([], href)).toBe("");
  });
});
