import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { nb } from "./fixtures/notes-builder";
import { interchangeToNotes } from "./interchange-to-notes";
import { notesSchema } from "./notes-schema";
import { notesToInterchange, type NotesInterchangeMeta } from "./notes-to-interchange";
import { splitStatementText } from "./split-statement-text";
import { inlinePlainText } from "./inline-plain-text";

const { doc, statement, note, tip, talk, text } = nb;

const panelNotes = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures/panel-notes.json"), "utf8"),
) as JSONContent;

const meta: NotesInterchangeMeta = {
  conference: { name: "DevOps Day", location: "Mountain View, CA", startsOn: "2010-06-25" },
  session: { title: "Making The Business Case", kind: "panel", intro: "" },
  people: [
    { id: "damon-edwards", name: "Damon Edwards", role: "moderator" },
    { id: "jody-mulkey", name: "Jody Mulkey", affiliation: "Shopzilla", role: "panelist" },
    { id: "lee-thompson", name: "Lee Thompson", role: "panelist" },
    { id: "john-willis", name: "John Willis", role: "panelist" },
  ],
};

const panelBlocks: Block[] = [
  { type: "note", text: "Panel on the business case; Damon moderates.", children: [] },
  {
    type: "question",
    text: "How do you make the business case for DevOps?",
    askedBy: "damon-edwards",
    answers: [
      {
        type: "statement",
        speaker: "jody-mulkey",
        text: "Tie it to revenue: every minute of downtime has a price",
        asides: ["he had the numbers on a slide"],
        children: [],
      },
      {
        type: "statement",
        speaker: "lee-thompson",
        text: "Start with the pain the business already feels",
        asides: [],
        children: [],
      },
      {
        type: "statement",
        speaker: "john-willis",
        text: "Measure lead time before and after, see the report",
        asides: [],
        children: [{ type: "note", text: "Deploys went from monthly to weekly", children: [] }],
      },
    ],
  },
  { type: "aside", text: "Room is packed, people standing at the back" },
  {
    type: "question",
    text: "What about compliance?",
    askedBy: null,
    answers: [
      {
        type: "statement",
        speaker: "jody-mulkey",
        text: "Auditors like automation: it leaves a trail",
        asides: [],
        children: [],
      },
      { type: "statement", speaker: "lee-thompson", text: "Bring the auditors in early", asides: [], children: [] },
    ],
  },
  { type: "tip", text: "Keep a log of every deploy, with who and why", children: [] },
];

describe("notesToInterchange", () => {
  it("maps a panel's notes to talknotes/1 blocks", () => {
    expect(notesToInterchange(panelNotes, meta)).toEqual({ format: "talknotes/1", ...meta, blocks: panelBlocks });
  });

  it("accepts a ProseMirror node as well as JSON", () => {
    expect(notesToInterchange(notesSchema.nodeFromJSON(panelNotes), meta).blocks).toEqual(panelBlocks);
  });

  it("maps an Ignite series of talks with speakers", () => {
    const json = doc(talk("Chef in 5 minutes", ["ad"], note("cookbooks")), talk("Untitled", []));
    expect(notesToInterchange(json, meta).blocks).toEqual([
      {
        type: "talk",
        title: "Chef in 5 minutes",
        speakers: ["ad"],
        children: [{ type: "note", text: "cookbooks", children: [] }],
      },
      { type: "talk", title: "Untitled", speakers: [], children: [] },
    ]);
  });

  it("keeps inline asides of non-statements in the text, in parentheses", () => {
    const json = doc(
      note([text("Wifi is down "), text("again", "aside"), text(" today")]),
      tip([text("Use "), text("(sic)", "aside")]),
    );
    expect(notesToInterchange(json, meta).blocks).toEqual([
      { type: "note", text: "Wifi is down (again) today", children: [] },
      { type: "tip", text: "Use (sic)", children: [] },
    ]);
  });

  it("turns hard breaks into newlines", () => {
    const json = doc(note([text("line one"), { type: "hardBreak" }, text("line two")]));
    expect(notesToInterchange(json, meta).blocks).toEqual([{ type: "note", text: "line one\nline two", children: [] }]);
  });

  it("gives no blocks for an untouched editor, but keeps an empty block among others", () => {
    expect(notesToInterchange(doc(note("")), meta).blocks).toEqual([]);
    expect(notesToInterchange(doc(statement("", "jo")), meta).blocks).toHaveLength(1);
  });

  it("throws on unknown node types", () => {
    expect(() => notesToInterchange({ type: "doc", content: [{ type: "bulletList" }] }, meta)).toThrow();
  });
});

describe("splitStatementText", () => {
  const split = (...inline: JSONContent[]) =>
    splitStatementText(notesSchema.nodeFromJSON({ type: "paragraph", content: inline }));

  it("closes the gap left by an aside in the middle", () => {
    expect(split(text("We ship "), text("on Fridays!", "aside"), text(" daily"))).toEqual({
      text: "We ship daily",
      asides: ["on Fridays!"],
    });
  });

  it("puts no space before punctuation", () => {
    expect(split(text("We ship daily "), text("mostly", "aside"), text(", he says."))).toEqual({
      text: "We ship daily, he says.",
      asides: ["mostly"],
    });
  });

  it("drops brackets typed around or inside the aside", () => {
    expect(split(text("Lead time ("), text("and cycle time", "aside"), text(") matters"))).toEqual({
      text: "Lead time matters",
      asides: ["and cycle time"],
    });
    expect(split(text("Lead time "), text(" (and cycle time) ", "aside"))).toEqual({
      text: "Lead time",
      asides: ["and cycle time"],
    });
  });

  it("keeps brackets that are part of the aside's own text", () => {
    expect(split(text("x "), text("(a) or (b)", "aside"))).toEqual({ text: "x", asides: ["(a) or (b)"] });
  });

  it("handles asides first, several asides, aside-only text and bold inside an aside", () => {
    expect(split(text("guess", "aside"), text(" It works"))).toEqual({ text: "It works", asides: ["guess"] });
    expect(split(text("a "), text("one", "aside"), text(" b "), text("two", "aside"))).toEqual({
      text: "a b",
      asides: ["one", "two"],
    });
    expect(split(text("just mine", "aside"))).toEqual({ text: "", asides: ["just mine"] });
    expect(split(text("x "), text("very ", "aside"), text("bold", "aside", "bold"))).toEqual({
      text: "x",
      asides: ["very bold"],
    });
  });
});

describe("inlinePlainText", () => {
  it("does not double brackets typed around an aside", () => {
    const paragraph = notesSchema.nodeFromJSON({
      type: "paragraph",
      content: [text("a ("), text("b", "aside"), text(") c")],
    });
    expect(inlinePlainText(paragraph)).toBe("a (b) c");
  });
});

describe("interchangeToNotes", () => {
  const roundTrip = (blocks: Block[]) => notesToInterchange(interchangeToNotes({ blocks }), meta).blocks;

  it("builds valid notes JSON with asides as aside-marked runs after the text", () => {
    const json = interchangeToNotes({
      blocks: [
        { type: "statement", speaker: "jo", text: "We ship daily", asides: ["on weekdays", "(sic)"], children: [] },
      ],
    });
    const expected = doc(
      statement(
        [text("We ship daily"), text(" "), text("on weekdays", "aside"), text(" "), text("((sic))", "aside")],
        "jo",
      ),
    );
    // The builder writes the schema's defaults (`starred: null`) that interchangeToNotes leaves out.
    expect(notesSchema.nodeFromJSON(json).toJSON()).toEqual(notesSchema.nodeFromJSON(expected).toJSON());
    expect(() => notesSchema.nodeFromJSON(json).check()).not.toThrow();
  });

  it("gives one empty note for no blocks", () => {
    expect(nb.json(notesSchema.nodeFromJSON(interchangeToNotes({ blocks: [] })))).toEqual(doc(note("")));
    expect(roundTrip([])).toEqual([]);
  });

  it("round-trips the panel", () => {
    expect(roundTrip(panelBlocks)).toEqual(panelBlocks);
  });

  it("round-trips every block type, nesting, newlines and bracketed asides", () => {
    const blocks: Block[] = [
      {
        type: "talk",
        title: "Ignite: Metrics",
        speakers: ["a", "b"],
        children: [
          { type: "statement", speaker: null, text: "", asides: ["only an aside"], children: [] },
          {
            type: "tip",
            text: "Graph everything\nthen alert on few",
            children: [{ type: "aside", text: "(I disagree)" }],
          },
        ],
      },
      {
        type: "question",
        text: "Q (from the back)?",
        askedBy: null,
        answers: [
          {
            type: "statement",
            speaker: "jo",
            text: "Yes",
            asides: ["(sic)", "two words"],
            children: [{ type: "statement", speaker: "jo", text: "and more", asides: [], children: [] }],
          },
        ],
      },
      { type: "note", text: "", children: [{ type: "note", text: "nested under an empty note", children: [] }] },
    ];
    expect(roundTrip(blocks)).toEqual(blocks);
  });

  it("round-trips key moments: starred blocks at any depth, and leaves the field out elsewhere", () => {
    const blocks: Block[] = [
      {
        type: "question",
        text: "Why?",
        askedBy: null,
        starred: true,
        answers: [{ type: "statement", speaker: "jo", text: "Because", asides: [], children: [], starred: true }],
      },
      { type: "note", text: "plain", children: [{ type: "tip", text: "nested tip", children: [], starred: true }] },
      { type: "aside", text: "an aside", starred: true },
      { type: "talk", title: "T", speakers: [], children: [], starred: true },
    ];
    expect(roundTrip(blocks)).toEqual(blocks);
    expect(JSON.stringify(roundTrip([{ type: "note", text: "x", children: [] }]))).not.toContain("starred");
  });

  it("accepts a whole TalkNotesDocument", () => {
    const full: TalkNotesDocument = { format: "talknotes/1", ...meta, blocks: panelBlocks };
    expect(notesToInterchange(interchangeToNotes(full), meta)).toEqual(full);
  });
});
