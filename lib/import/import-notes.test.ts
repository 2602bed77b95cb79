import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../export/render-markdown";
import { parseInterchange } from "../interchange/parse-interchange";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { ImportError } from "./import-error";
import { importNotes } from "./import-notes";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const FIXTURES = ["panel-notes.md", "ignite-notes.md", "messy-notes.txt", "hostile-notes.txt"];

describe("importNotes on Markdown", () => {
  const { document, warnings } = importNotes(fixture("panel-notes.md"));

  it("reads front matter, the post title, event line, intro, panel and moderator", () => {
    expect(document.conference).toEqual({
      name: "OpsCamp",
      location: "Portland, OR",
      startsOn: "2011-03-04",
      hashtag: "#opscamp",
      titleTemplate: "Talk notes: {title} ({hashtag})",
    });
    expect(document.session).toEqual({
      title: "Shipping On Fridays",
      kind: "panel",
      intro: "Notes from the afternoon panel, typed live.",
    });
    expect(document.people).toEqual([
      {
        id: "ada-byrne",
        name: "Ada Byrne",
        role: "panelist",
        affiliation: "Northwind",
        note: "CTO, formerly at Contoso",
      },
      { id: "eishay-smith", name: "Eishay Smith", role: "panelist", affiliation: "Tailspin Labs", aliases: ["Eisay"] },
      { id: "cleo-marsh", name: "Cleo Marsh", role: "panelist", affiliation: "Fabrikam" },
      { id: "dan-price", name: "Dan Price", role: "moderator", affiliation: "Contoso" },
      { id: "jodi", name: "Jodi", role: "audience" },
      { id: "priya", name: "Priya", role: "audience" },
    ]);
    expect(warnings).toEqual([
      '"Jodi" is not in the panel or speaker list; added as an audience member.',
      '"Priya" is not in the panel or speaker list; added as an audience member.',
    ]);
  });

  it("reads threads: misspelt and last names, continuation, Question; typo, audience asker, implicit question", () => {
    const statement = (speaker: string | null, text: string, asides: string[] = [], children: Block[] = []): Block => ({
      type: "statement",
      speaker,
      text,
      asides,
      children,
    });
    expect(document.blocks.slice(0, 4)).toEqual([
      {
        type: "question",
        text: "Should anyone ever deploy on a Friday?",
        askedBy: null,
        answers: [
          statement("ada-byrne", "only when rollback is one click", ["she said this twice"]),
          statement(
            "eishay-smith",
            "we deploy every day, Fridays included",
            [],
            [statement(null, "the trick is small batches", ["agreed"]), statement("cleo-marsh", "and a quiet pager")],
          ),
        ],
      },
      {
        type: "question",
        text: "what about database migrations?",
        askedBy: null,
        answers: [
          statement("jodi", "never on Fridays", ["who is Jodi? not on the panel"]),
          statement("eishay-smith", "expand and contract, always"),
        ],
      },
      {
        type: "question",
        text: "how do you convince the auditors?",
        askedBy: "priya",
        answers: [statement("cleo-marsh", "show them the change log")],
      },
      {
        type: "question",
        text: "How do you measure success",
        askedBy: null,
        answers: [statement("ada-byrne", "lead time and change failure rate")],
      },
    ]);
  });

  it("reads asides, tips with children and keeps hostile text verbatim as plain text", () => {
    expect(document.blocks.slice(4)).toEqual([
      { type: "aside", text: "the room was packed" },
      {
        type: "tip",
        text: "keep a deploy-freeze calendar anyway",
        children: [{ type: "note", text: "see https://example.com/freeze", children: [] }],
      },
      {
        type: "note",
        text: 'hostile text stays text: <script>alert("x")</script> & link (javascript:alert(1))',
        children: [],
      },
    ]);
  });

  it("reads ## sections as talks with Speaker lines", () => {
    const ignite = importNotes(fixture("ignite-notes.md")).document;
    expect(ignite.session.kind).toBe("ignite");
    expect(ignite.blocks).toEqual([
      {
        type: "talk",
        title: "Petabytes on a budget (http://example.org/pods)",
        speakers: ["tlossen"],
        children: [
          { type: "note", text: "use laptop disks", children: [] },
          { type: "aside", text: "this is hilarious..." },
        ],
      },
      {
        type: "talk",
        title: "Netomata: puppet for network gear",
        speakers: [],
        children: [{ type: "note", text: "config generation", children: [] }],
      },
      {
        type: "talk",
        title: "Value stream mapping",
        speakers: ["tim-walker", "mia-chen"],
        children: [
          {
            type: "note",
            text: "map the current state first",
            children: [{ type: "note", text: "then the future state", children: [] }],
          },
        ],
      },
    ]);
    expect(ignite.people).toEqual([
      { id: "tlossen", name: "@tlossen", role: "speaker", handle: "@tlossen" },
      { id: "tim-walker", name: "Tim Walker", role: "speaker", affiliation: "Wooga", handle: "@twalker" },
      { id: "mia-chen", name: "Mia Chen", role: "speaker" },
    ]);
  });
});

describe("importNotes on messy plain text", () => {
  const text = fixture("messy-notes.txt");
  const expected: TalkNotesDocument = {
    format: "talknotes/1",
    conference: {
      name: "Ops Summit",
      location: "Berlin, Germany",
      startsOn: "2012-09-25",
      hashtag: "#tabs",
      titleTemplate: "Talk notes: {title} ({hashtag})",
    },
    session: { title: "Messy Bullets", kind: "talk", intro: "" },
    people: [{ id: "grace-hopper", name: "Grace Hopper", role: "speaker", affiliation: "Navy", note: "keynote" }],
    blocks: [
      {
        type: "note",
        text: "top one with nbsp",
        children: [
          {
            type: "note",
            text: "child by tab",
            children: [{ type: "note", text: "grandchild by two tabs", children: [] }],
          },
          { type: "note", text: "child by three spaces", children: [] },
        ],
      },
      {
        type: "note",
        text: "second top",
        children: [
          {
            type: "note",
            text: "numbered child continued on the next line",
            children: [
              {
                type: "statement",
                speaker: "grace-hopper",
                text: "never give up",
                asides: ["obviously"],
                children: [],
              },
            ],
          },
        ],
      },
      { type: "note", text: "-5 degrees outside, not a bullet", children: [] },
      { type: "question", text: "is COBOL dead?", askedBy: "grace-hopper", answers: [] },
    ],
  };

  it("nests mixed bullet characters by indentation (tabs, odd widths), with NBSP and a glued logo", () => {
    expect(importNotes(text).document).toEqual(expected);
  });

  it("reads CRLF and CR line endings the same way", () => {
    expect(importNotes(text.replace(/\n/g, "\r\n")).document).toEqual(expected);
    expect(importNotes(text.replace(/\n/g, "\r")).document).toEqual(expected);
  });

  it("keeps HTML in plain text verbatim (renderers escape it)", () => {
    const { document } = importNotes(fixture("hostile-notes.txt"));
    expect(document.session.title).toBe("<img src=x onerror=alert(1)>");
    expect(document.session.intro).toBe("Intro with <b>bold</b> & \"quotes\".\n\n<script>alert('title')</script>");
    expect(document.blocks).toEqual([
      {
        type: "note",
        text: '<script>alert("bullet")</script>',
        children: [
          { type: "note", text: 'Alice: "<iframe src=javascript:alert(1)>" (</p><p onclick=x>)', children: [] },
        ],
      },
      { type: "note", text: "[click](javascript:alert(1)) and {{ template }} and ${expr}", children: [] },
    ]);
  });
});

describe("importNotes options", () => {
  it("uses known people (typos included) and keeps only those mentioned; caller's conference wins", () => {
    const notes =
      'Talk notes: Lean Ops\n\nLean Ops\n\n• Question: what first?\n  • Jodi: "measure unplanned work"\n  • Mulkey: "then cut it"\n';
    const { document } = importNotes(notes, {
      conference: { name: "DevOps Day", startsOn: "2010-06-25" },
      knownPeople: [
        { id: "jm", name: "Jody Mulkey", role: "panelist", affiliation: "Shopzilla" },
        { id: "other", name: "Someone Else", role: "speaker" },
      ],
    });
    expect(document.conference).toEqual({
      name: "DevOps Day",
      location: null,
      startsOn: "2010-06-25",
      hashtag: null,
      titleTemplate: "Talk notes: {title}",
    });
    expect(document.people).toEqual([
      { id: "jm", name: "Jody Mulkey", role: "panelist", affiliation: "Shopzilla", aliases: ["Jodi"] },
    ]);
    expect(document.blocks).toEqual([
      {
        type: "question",
        text: "what first?",
        askedBy: null,
        answers: [
          { type: "statement", speaker: "jm", text: "measure unplanned work", asides: [], children: [] },
          { type: "statement", speaker: "jm", text: "then cut it", asides: [], children: [] },
        ],
      },
    ]);
  });

  it("dedupes ids with -2 and falls back to an untitled session with a warning", () => {
    const { document, warnings } = importNotes('• Question: "why?"\n  • Ann Lee: "because"\n', {
      knownPeople: [{ id: "ann-lee", name: "Ann  Lee", role: "speaker", aliases: [] }],
    });
    expect(document.session.title).toBe("Untitled session");
    expect(warnings[0]).toMatch(/No session title/);
    expect(document.people.map((p) => p.id)).toEqual(["ann-lee"]);
    const twins = importNotes("Title\n\nAnn Lee, Acme\nAnn Lée, Beta\n\nModerator: Ann Lee (Gamma)\n\n• x\n").document
      .people;
    expect(twins.map((p) => [p.id, p.name])).toEqual([
      ["ann-lee", "Ann Lee"],
      ["ann-lee-2", "Ann Lée"],
    ]);
  });

  it("throws coded errors for empty, NUL-containing and oversized text", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ImportError ? e.code : `not an ImportError: ${String(e)}`;
      }
      return "no error";
    };
    expect(code(() => importNotes(""))).toBe("empty");
    expect(code(() => importNotes(" \u00a0\r\n\t\n"))).toBe("empty");
    expect(code(() => importNotes("a\u0000b"))).toBe("binary");
    expect(code(() => importNotes("x".repeat(5 * 1024 * 1024 + 1)))).toBe("too-large");
  });
});

/**
 * Words a reader does not expect back as words: markers, dates (read as ISO),
 * glued image names, front matter keys, Markdown entity names ("&amp;" is "&").
 */
const STRUCTURAL = new Set(
  "talk notes question q tip moderator speaker speakers title event location date png jpg opslogo newimage amp lt gt"
    .split(" ")
    .concat("january february march april may june july august september october november december".split(" ")),
);

function words(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !/^\d+$/.test(w) || w.length > 4);
}

/** True when `word` is a known word or a run of known words glued together ("summitopslogo"). */
function covered(word: string, known: Set<string>): boolean {
  const ok: boolean[] = [true];
  for (let end = 1; end <= word.length; end++) {
    ok[end] = false;
    for (let start = 0; start < end && !ok[end]; start++) ok[end] = !!ok[start] && known.has(word.slice(start, end));
  }
  return !!ok[word.length];
}

describe("nothing is dropped", () => {
  it.each(FIXTURES)("every word of %s appears in the document", (name) => {
    const text = fixture(name);
    const { document } = importNotes(text);
    const known = new Set([...words(JSON.stringify(document)), ...STRUCTURAL]);
    const missing = words(text).filter((w) => !covered(w, known));
    expect(missing).toEqual([]);
  });

  it("the property check notices a dropped word", () => {
    const { document } = importNotes(fixture("messy-notes.txt"));
    const known = new Set([...words(JSON.stringify(document)), ...STRUCTURAL]);
    expect(covered("grandchild", known)).toBe(true);
    expect(words("an unseen zebra").filter((w) => !covered(w, known))).toEqual(["an", "unseen", "zebra"]);
  });

  it.each(FIXTURES)("%s imports to a valid talknotes/1 document", (name) => {
    const { document } = importNotes(fixture(name));
    expect(parseInterchange(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });
});

/** The exporter collapses runs of spaces and writes neither handles nor aliases; compare modulo those. */
function comparable(doc: TalkNotesDocument): unknown {
  const json = JSON.stringify({ ...doc, people: doc.people.map(({ handle: _h, aliases: _a, ...p }) => p) });
  return JSON.parse(json.replace(/ {2,}/g, " "));
}

describe("import -> renderMarkdown -> import is stable", () => {
  it.each(FIXTURES)("%s", (name) => {
    const first = importNotes(fixture(name)).document;
    const markdown = renderMarkdown(first);
    const second = importNotes(markdown).document;
    expect(comparable(second)).toEqual(comparable(first));
    expect(renderMarkdown(second)).toBe(markdown);
  });
});
