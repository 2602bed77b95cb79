import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../lib/export/render-markdown";
import { importNotes } from "../../lib/import/import-notes";
import { parseInterchange } from "../../lib/interchange/parse-interchange";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";

const shared = path.resolve(__dirname, "../../../shared/fixtures");
const exists = existsSync(shared);
if (!exists) console.log("skipped: ../shared not found");

const fixture = (name: string) => readFileSync(path.join(shared, "devopsdays-2010", name), "utf8");

interface ExpectedReading {
  conference: { name: string; location: string; date: string; hashtag: string };
  session: { title: string; kind: string };
  intro: string;
  people: { name: string; affiliation?: string; note?: string; role: string }[];
  threads: {
    question: string;
    askedBy?: string;
    answers: { speaker: string; aside?: string; children?: { speaker: string; aside?: string }[] }[];
  }[];
}

/**
 * The expected reading uses names and prose annotations ("Damon Edwards
 * (moderator, implied)", "Jay Lyman (continuing, unattributed quote)");
 * talknotes/1 says an implied moderator asker is null and a continuing quote
 * has speaker null. This maps the reading onto those rules.
 */
function expectedProjection(reading: ExpectedReading) {
  const speaker = (s: string) => (/\((moderator, implied|continuing[^)]*)\)$/.test(s) ? null : s.replace(/\s*\(.*\)$/, ""));
  return {
    conference: reading.conference,
    session: { ...reading.session, intro: reading.intro },
    people: reading.people,
    threads: reading.threads.map((t) => ({
      question: t.question,
      askedBy: t.askedBy ? speaker(t.askedBy) : null,
      answers: t.answers.map((a) => ({
        speaker: speaker(a.speaker),
        asides: a.aside ? [a.aside] : [],
        children: (a.children ?? []).map((c) => ({ speaker: speaker(c.speaker), asides: c.aside ? [c.aside] : [], children: [] })),
      })),
    })),
  };
}

/** The document seen through the same lens; abbreviated questions ("... .") compare by prefix. */
function actualProjection(doc: TalkNotesDocument, reading: ExpectedReading) {
  const name = (id: string | null) => (id === null ? null : (doc.people.find((p) => p.id === id)?.name ?? `unknown id ${id}`));
  const statement = (b: Block): unknown =>
    b.type === "statement"
      ? { speaker: name(b.speaker), asides: b.asides, children: b.children.map(statement) }
      : { notAStatement: b };
  return {
    conference: { name: doc.conference.name, location: doc.conference.location, date: doc.conference.startsOn, hashtag: doc.conference.hashtag },
    session: { title: doc.session.title, kind: doc.session.kind, intro: doc.session.intro },
    people: doc.people.map((p) => ({
      name: p.name,
      ...(p.affiliation ? { affiliation: p.affiliation } : {}),
      ...(p.note ? { note: p.note } : {}),
      role: p.role,
    })),
    threads: doc.blocks.map((b, i) => {
      if (b.type !== "question") return { notAQuestion: b };
      const want = reading.threads[i]?.question ?? "";
      const prefix = want.endsWith(" ...") ? want.slice(0, -4) : null;
      return {
        question: prefix !== null && b.text.startsWith(prefix) && b.text.length > prefix.length ? want : b.text,
        askedBy: name(b.askedBy),
        answers: b.answers.map(statement),
      };
    }),
  };
}

describe.skipIf(!exists)("importing the DevOps Day 2010 notes", () => {
  it("reads making-the-business-case.txt exactly as a person does", () => {
    const reading = JSON.parse(fixture("making-the-business-case.expected.json")) as ExpectedReading;
    const { document, warnings } = importNotes(fixture("making-the-business-case.txt"));

    expect(actualProjection(document, reading)).toEqual(expectedProjection(reading));
    expect(parseInterchange(JSON.parse(JSON.stringify(document)))).toEqual(document);
    expect(warnings).toEqual(["\"Israel\" is not in the panel or speaker list; added as an audience member."]);
    expect(document.people.map((p) => p.id)).toEqual(["jay-lyman", "kurt-milne", "jody-mulkey", "rolf-andrew-russell", "damon-edwards", "israel"]);
  });

  it("keeps the words of the threads: questions, answers, the continuation and the asker", () => {
    const { document } = importNotes(fixture("making-the-business-case.txt"));
    const [first, , , fourth, fifth, sixth] = document.blocks;
    expect(first).toMatchObject({
      text: "What are the anti-patterns",
      answers: [{ text: "focus on what is creating the most unplanned work" }, {}, {}, {}],
    });
    expect(fourth).toMatchObject({
      answers: [
        {},
        {
          speaker: "jay-lyman",
          text: "It could be wrong model, because it could backfire, especially if you feel powerless to engage.",
          children: [
            { speaker: null, text: "We're ops. We can make trains run on time. We can't over-exceed. We can't make sure the trains are full." },
            { speaker: "damon-edwards", text: "if we're great at our jobs, it's awesome when we can get paid and rewarded on company profitability." },
          ],
        },
      ],
    });
    expect(fifth).toMatchObject({ askedBy: "israel", answers: [] });
    expect((fifth as { text: string }).text).toMatch(/^too many metrics\. .* without 18 metrics$/);
    expect(sixth).toEqual({
      type: "question",
      askedBy: null,
      answers: [],
      text:
        "war story: just ask business what your KPI should be. I sat down as head of development with business, and asked what KPI should be. " +
        "We were able to quickly get agility/TCO/availability/resourcing on new features vs. maintenance. We achieved it without a lot of psychic pain.",
    });
  });

  it("reads ignite-talks-2.txt as one talk block per Ignite talk", () => {
    const { document, warnings } = importNotes(fixture("ignite-talks-2.txt"));
    expect(document.session).toEqual({
      title: "Ignite Talks #2",
      kind: "ignite",
      intro:
        "I'm here to participate on a panel called \"DevOps Outside of Web Operations.\"\n\n" +
        "5 minutes, all slides advance every 30 seconds\n\nI wasn't able to catch everyone's attributions.",
    });
    expect(document.blocks.map((b) => b.type)).toEqual(["talk", "talk", "talk", "talk", "talk", "talk"]);
    const talks = document.blocks.map((b) => (b.type === "talk" ? { title: b.title, speakers: b.speakers, children: b.children.length } : b));
    expect(talks).toEqual([
      { title: "Netomata: like puppet for network equipment", speakers: [], children: 0 },
      { title: "Petascale storage: DIY! (http://openstoragepod.org)", speakers: ["tlossen"], children: 10 },
      { title: "Systems thinking & Value stream mapping", speakers: [], children: 7 },
      { title: "cloud supporting tools: http://libcloud.org", speakers: [], children: 8 },
      { title: "A simple story of how one company spent 10M dollars and saved nothing", speakers: [], children: 12 },
      { title: "Latent Code: Lessons Learned Implementing Feature Bits", speakers: ["erik-sowa"], children: 6 },
    ]);
    expect(document.people).toEqual([
      { id: "tlossen", name: "@tlossen", role: "speaker", handle: "@tlossen" },
      { id: "erik-sowa", name: "Erik Sowa", role: "speaker", affiliation: "Lyris", handle: "@eriksowa" },
    ]);
    const petascale = document.blocks[1] as Extract<Block, { type: "talk" }>;
    expect(petascale.children[8]).toEqual({ type: "aside", text: "This is hilarious..." });
    expect(warnings).toEqual(['Line 24: removed the image file name "NewImage.jpg" glued to the text.']);
    expect(parseInterchange(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });

  it.each(["making-the-business-case.txt", "ignite-talks-2.txt"])("%s survives import -> renderMarkdown -> import", (name) => {
    const first = importNotes(fixture(name)).document;
    const markdown = renderMarkdown(first);
    const second = importNotes(markdown).document;
    // The exporter collapses double spaces and does not write handles; everything else must come back.
    const comparable = (doc: TalkNotesDocument) =>
      JSON.parse(JSON.stringify({ ...doc, people: doc.people.map(({ handle: _h, ...p }) => p) }).replace(/ {2,}/g, " ")) as unknown;
    expect(comparable(second)).toEqual(comparable(first));
    expect(renderMarkdown(second)).toBe(markdown);
  });
});
