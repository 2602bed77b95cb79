import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../export/render-markdown";
import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { seededRandom } from "../random/seeded-random";
import { importNotes } from "./import-notes";

/**
 * Round trip over generated documents: any panel or talk a note-taker could
 * capture, exported as a Markdown post and imported again, keeps its structure
 * (people and roles, threads, who answered, asides, nesting). Seeded, so a
 * failure names the seed that reproduces it.
 */
const FIRST = ["Amara", "Bruno", "Chen", "Dana", "Eishay", "Farah", "Gustav", "Hiro", "Ines", "Jody", "Kurt", "Lena"];
const LAST = [
  "Okafor",
  "Castellanos",
  "Wei",
  "Whitfield",
  "Smith",
  "Haddad",
  "Lind",
  "Tanaka",
  "Moreau",
  "Mulkey",
  "Milne",
  "Berg",
];
const COMPANIES = ["Tidewater Labs", "Quayside Bank", "Lantern Systems", "Shopzilla", "ThoughtWorks", "451 Group"];
const WORDS =
  "deploy metrics outcomes cycle time throughput pager budget rollback incident release feature team trust latency cost".split(
    " ",
  );

function generate(seed: number): TalkNotesDocument {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    return words[0]![0]!.toUpperCase() + words.join(" ").slice(1);
  };
  const firsts = [...FIRST].sort(() => r() - 0.5).slice(0, 2 + Math.floor(r() * 4));
  const people: InterchangePerson[] = firsts.map((first, i) => ({
    id: `p${i}`,
    name: `${first} ${pick(LAST)}`,
    role: i === 0 ? "moderator" : "panelist",
    affiliation: pick(COMPANIES),
  }));
  const panel = people.slice(1);
  const statement = (depth: number): Block => ({
    type: "statement",
    speaker: pick(panel).id,
    text: sentence(4 + Math.floor(r() * 6)),
    asides: r() < 0.3 ? [sentence(3).toLowerCase() + "!"] : [],
    children: depth < 1 && r() < 0.2 ? [{ type: "note", text: sentence(5), children: [] }] : [],
  });
  const blocks: Block[] = [];
  const threads = 1 + Math.floor(r() * 5);
  for (let i = 0; i < threads; i++) {
    const kind = r();
    if (kind < 0.7) {
      blocks.push({
        type: "question",
        text: sentence(5 + Math.floor(r() * 5)) + "?",
        askedBy: null,
        answers: Array.from({ length: 1 + Math.floor(r() * 4) }, () => statement(0)),
      });
    } else if (kind < 0.85) {
      blocks.push({
        type: "note",
        text: sentence(6),
        children: r() < 0.5 ? [{ type: "note", text: sentence(4), children: [] }] : [],
      });
    } else {
      blocks.push({ type: "aside", text: sentence(5).toLowerCase() });
    }
  }
  return {
    format: "talknotes/1",
    conference: { name: "Generated Camp", location: "Portland, OR", startsOn: "2011-03-04", hashtag: "#gencamp" },
    session: { title: `Panel ${seed}`, kind: "panel", intro: "Typed live from the back row." },
    people,
    blocks,
  };
}

/** Structure with people by name, so importer-made ids do not matter. */
function shape(doc: TalkNotesDocument) {
  const name = new Map(doc.people.map((p) => [p.id, p.name]));
  const blocks = (list: Block[]): unknown[] =>
    list.map((b) => {
      switch (b.type) {
        case "question":
          return { q: b.text, askedBy: b.askedBy && name.get(b.askedBy), answers: blocks(b.answers) };
        case "statement":
          return { by: b.speaker && name.get(b.speaker), text: b.text, asides: b.asides, children: blocks(b.children) };
        case "talk":
          return { talk: b.title, speakers: b.speakers.map((s) => name.get(s)), children: blocks(b.children) };
        case "aside":
          return { aside: b.text };
        case "image":
          return { image: b.hash, alt: b.alt };
        default:
          return { [b.type]: b.text, children: blocks(b.children) };
      }
    });
  return {
    conference: doc.conference.name,
    title: doc.session.title,
    kind: doc.session.kind,
    people: doc.people.map((p) => [p.name, p.role, p.affiliation ?? null]).sort(),
    blocks: blocks(doc.blocks),
  };
}

describe("import(renderMarkdown(doc)) keeps the structure of generated documents", () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const doc = generate(seed);
      const back = importNotes(renderMarkdown(doc)).document;
      expect(shape(back)).toEqual(shape(doc));
    });
  }
});
