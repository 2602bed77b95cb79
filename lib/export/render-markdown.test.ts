import { describe, expect, it } from "vitest";
import type { TalkNotesDocument } from "../interchange/types";
import { igniteDocument } from "./fixtures/ignite-document";
import { panelDocument } from "./fixtures/panel-document";
import { renderMarkdown } from "./render-markdown";

/** Front matter as key -> parsed value; every value we emit is JSON-compatible YAML. */
function frontMatter(markdown: string): Record<string, unknown> {
  const lines = markdown.split("\n");
  expect(lines[0]).toBe("---");
  const end = lines.indexOf("---", 1);
  expect(end).toBeGreaterThan(0);
  return Object.fromEntries(
    lines.slice(1, end).map((line) => {
      const m = /^([A-Za-z_]\w*): (.*)$/.exec(line);
      if (!m) throw new Error(`not a key: value line: ${line}`);
      return [m[1], JSON.parse(m[2]!)];
    }),
  );
}

describe("renderMarkdown", () => {
  it("renders the panel in the 2010 blogger layout", () => {
    expect(renderMarkdown(panelDocument())).toBe(`---
title: "Talk notes: Selling Ops To The Board (#opscamp)"
date: "2011-03-04"
slug: "selling-ops-to-the-board"
tags: ["OpsCamp", "panel"]
event: "OpsCamp"
location: "Portland, OR"
speakers: ["Ada Byrne", "Ben Okafor", "Cleo Marsh", "Dan Price"]
---

**OpsCamp**, Portland, OR\\
March 4, 2011

I'm moderating nothing today, just taking notes.

**Selling Ops To The Board**

Ada Byrne (Northwind; CTO, formerly at Contoso)\\
Ben Okafor (Tailspin Labs)\\
Cleo Marsh

Moderator: Dan Price (Fabrikam)

- Where do teams go wrong
  - Ada: "start from the work that interrupts you most" (so true.)
  - Ben: "talk about lead time, not about tools"
- Question: "What should we measure?"
  - Cleo: "lead time and change failure rate"
    - "everything else is vanity" (bold claim!)
    - Dan: "agreed, mostly"
- Question: Eli: "focus on money, then on outputs"
- (the room is packed)
- Tip: bring one graph to the board, not ten
- slides will be posted
  - see <https://example.com/slides>
`);
  });

  it("renders Ignite talks as sections with their speakers", () => {
    expect(renderMarkdown(igniteDocument(), { frontMatter: false })).toBe(`**OpsCamp**, Portland, OR\\
March 4, 2011

5 minutes, slides advance every 15 seconds.

**Ignite Talks #1**

- (I wasn't able to catch everyone's attributions.)

## Petabytes on a budget

Speaker: Tim Lossen (Wooga)

- use laptop disks
- (this is hilarious...)

## Netomata: puppet for network gear

- config generation

## Value stream mapping

Speaker: Tim Walker

- Tip: map the current state first
`);
  });

  it("leaves out empty blocks instead of writing bare bullets, keeping what was nested under them", () => {
    const doc = panelDocument();
    doc.blocks = [
      { type: "note", text: "", children: [] },
      {
        type: "question",
        text: "  ",
        askedBy: null,
        answers: [{ type: "statement", speaker: "ada", text: "an answer", asides: [], children: [] }],
      },
      {
        type: "note",
        text: "kept",
        children: [{ type: "statement", speaker: "ben", text: "", asides: [], children: [] }],
      },
      { type: "statement", speaker: "cleo", text: "", asides: ["only an aside"], children: [] },
      { type: "tip", text: "", children: [] },
      { type: "note", text: "", children: [] },
    ];
    const md = renderMarkdown(doc, { frontMatter: false });
    expect(md).not.toMatch(/^\s*-\s*$/m);
    expect(md).toContain('- Ada: "an answer"\n- kept\n- Cleo: "" (only an aside)\n');
  });

  it("names people in full when first names collide, by first name otherwise", () => {
    const doc = panelDocument();
    doc.people.push({ id: "ada2", name: "ada Lindqvist", role: "audience" });
    doc.blocks.push({
      type: "question",
      text: "and you?",
      askedBy: "ada2",
      answers: [{ type: "statement", speaker: "ada", text: "yes", asides: [], children: [] }],
    });
    const md = renderMarkdown(doc);
    expect(md).toContain('- Question: ada Lindqvist: "and you?"\n  - Ada Byrne: "yes"');
    expect(md).toContain('  - Ada Byrne: "start from the work');
    expect(md).toContain('  - Ben: "talk about lead time');
  });

  it("builds the title from the template, with and without hashtag", () => {
    const doc = panelDocument();
    doc.conference.hashtag = null;
    expect(frontMatter(renderMarkdown(doc)).title).toBe("Talk notes: Selling Ops To The Board");
    doc.conference.titleTemplate = "[{hashtag}] Notes on {title}";
    expect(frontMatter(renderMarkdown(doc)).title).toBe("Notes on Selling Ops To The Board");
    doc.conference.hashtag = "#ops";
    expect(frontMatter(renderMarkdown(doc)).title).toBe("[#ops] Notes on Selling Ops To The Board");
    doc.session.title = "Why {hashtag} matters";
    expect(frontMatter(renderMarkdown(doc)).title).toBe("[#ops] Notes on Why {hashtag} matters");
  });

  it("quotes YAML values so nothing breaks out of the front matter", () => {
    const doc: TalkNotesDocument = panelDocument();
    doc.session.title = 'Yes: "no" # not a comment\n---\ndraft: true';
    doc.conference.name = "- [list, not] {map: x} &anchor *alias !tag |";
    doc.conference.location = "Line1\u2028Line2\u0085Line3";
    doc.people[0]!.name = "O'Brien \\ back\\slash";
    const fm = frontMatter(renderMarkdown(doc));
    expect(Object.keys(fm)).toEqual(["title", "date", "slug", "tags", "event", "location", "speakers"]);
    expect(fm.title).toBe('Talk notes: Yes: "no" # not a comment\n---\ndraft: true (#opscamp)');
    expect(fm.event).toBe(doc.conference.name);
    expect(fm.location).toBe("Line1\u2028Line2\u0085Line3");
    expect((fm.speakers as string[])[0]).toBe("O'Brien \\ back\\slash");
    expect(fm.slug).toBe("yes-no-not-a-comment-draft-true");
    // The raw lines must not contain the Unicode line breaks YAML 1.1 would split on.
    expect(renderMarkdown(doc)).not.toMatch(/[\u2028\u0085]/);
  });

  it("escapes Markdown in user text so it renders literally", () => {
    const doc = panelDocument();
    doc.blocks = [
      { type: "note", text: "# not a heading", children: [] },
      { type: "note", text: "1. not a list", children: [] },
      { type: "note", text: "*not em* _nor this_ `nor code` [nor](a link) ~~nor strike~~ | a | b | $x$", children: [] },
      { type: "note", text: "line one\n\n    indented code?\n---", children: [] },
      { type: "note", text: "&amp; stays &amp; and R&D stays R&D", children: [] },
      { type: "note", text: "trailing backslash \\", children: [] },
    ];
    const lines = renderMarkdown(doc, { frontMatter: false })
      .split("\n")
      .filter((l) => l.startsWith("- "));
    expect(lines).toEqual([
      "- \\# not a heading",
      "- 1\\. not a list",
      "- \\*not em\\* \\_nor this\\_ \\`nor code\\` \\[nor\\](a link) \\~\\~nor strike\\~\\~ \\| a \\| b \\| \\$x\\$",
      "- line one indented code? ---",
      "- &amp;amp; stays &amp;amp; and R&D stays R&D",
      "- trailing backslash \\\\",
    ]);
  });

  it("escapes names that would start a block", () => {
    const doc = panelDocument();
    doc.people[1]!.name = "# Ben";
    doc.people[2]!.name = "2) Cleo";
    const md = renderMarkdown(doc, { frontMatter: false });
    expect(md).toContain("\\# Ben (Tailspin Labs)\\\n2\\) Cleo\n");
    expect(md).toContain('  - \\#: "talk about lead time');
  });

  it("omits what is unknown instead of printing blanks", () => {
    const doc = igniteDocument();
    doc.conference.location = null;
    doc.conference.startsOn = null;
    doc.session.intro = "";
    const md = renderMarkdown(doc);
    expect(frontMatter(md)).not.toHaveProperty("date");
    expect(frontMatter(md)).not.toHaveProperty("location");
    expect(md).toContain("---\n\n**OpsCamp**\n\n**Ignite Talks #1**\n\n");
  });
});
