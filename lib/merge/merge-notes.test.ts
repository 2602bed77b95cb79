import { describe, expect, it } from "vitest";
import { blockText } from "../interchange/block-text";
import { nestedBlocks } from "../interchange/nested-blocks";
import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { mergeNotes } from "./merge-notes";

const doc = (people: InterchangePerson[], blocks: Block[]): TalkNotesDocument => ({
  format: "talknotes/1",
  conference: { name: "Harbour Ops Camp", location: null, startsOn: null },
  session: { title: "Shipping on Fridays", kind: "panel", intro: "" },
  people,
  blocks,
});
const person = (id: string, name: string, extra: Partial<InterchangePerson> = {}): InterchangePerson => ({
  id,
  name,
  role: "panelist",
  ...extra,
});
const say = (speaker: string | null, text: string, asides: string[] = []): Block => ({
  type: "statement",
  speaker,
  text,
  asides,
  children: [],
});
const ask = (text: string, answers: Block[], at?: string): Block =>
  ({ type: "question", text, askedBy: null, answers, ...(at ? { at } : {}) }) as Block;
const texts = (blocks: Block[]): string[] => blocks.flatMap((b) => [blockText(b), ...texts([...nestedBlocks(b)])]);

describe("mergeNotes", () => {
  it("keeps one photo both note-takers took (same hash), with whichever alt text exists, and every other photo", () => {
    const photo = (hash: string, alt: string): Block => ({
      type: "image",
      hash: hash.repeat(64),
      alt,
      caption: "",
      width: 800,
      height: 600,
    });
    const left = doc([], [photo("a", ""), say(null, "the slide with the deploy graph")]);
    const right = doc([], [photo("a", "Deploys per day, 2009 vs 2010"), photo("b", "The team photo")]);
    const { document, report } = mergeNotes(left, right);
    const photos = document.blocks.filter((b) => b.type === "image");
    expect(photos.map((b) => [b.hash[0], b.alt])).toEqual([
      ["a", "Deploys per day, 2009 vs 2010"],
      ["b", "The team photo"],
    ]);
    expect(report.duplicates.map((d) => d.type)).toEqual(["image"]);
  });

  it("ties people by typo and handle, keeps the fuller wording and makes one thread of a re-worded question", () => {
    const left = doc(
      [person("amara", "Amara Okafor"), person("kofi-builds", "@kofi_builds", { handle: "@kofi_builds" })],
      [
        ask("Should we deploy on Fridays at all?", [
          say("amara", "if you are afraid to deploy on Friday you are afraid to deploy"),
          say("kofi-builds", "runbooks first"),
        ]),
      ],
    );
    const right = doc(
      [person("p0", "Amara Okafr"), person("p1", "Kofi Boateng", { handle: "@kofi_builds" })],
      [
        ask("Friday deploys: yes or no?", [
          say("p0", "afraid to deploy on Friday = afraid to deploy"),
          say("p1", "we page the team that shipped"),
        ]),
      ],
    );
    const { document, report } = mergeNotes(left, right);
    expect(report.people.map((p) => [p.name, p.how])).toEqual([
      ["Amara Okafor", "fuzzy"],
      // The left knew Kofi only by handle, as his name: matched on it, and named by the right.
      ["Kofi Boateng", "name"],
    ]);
    expect(document.people.find((p) => p.id === "kofi-builds")?.aliases).toEqual(["@kofi_builds"]);
    expect(document.blocks).toHaveLength(1);
    const thread = document.blocks[0] as Extract<Block, { type: "question" }>;
    expect(thread.text).toBe("Should we deploy on Fridays at all?");
    expect(thread.answers.map((a) => (a as { text: string }).text)).toEqual([
      "if you are afraid to deploy on Friday you are afraid to deploy",
      "runbooks first",
      "we page the team that shipped",
    ]);
    expect(report.duplicates.map((d) => [d.type, d.kept, d.path])).toEqual([
      ["statement", "left", "0/0"],
      ["question", "left", "0"],
    ]);
    expect(report.blocks.map((b) => [b.path, b.sources.join("+")])).toEqual([
      ["0", "left+right"],
      ["0/0", "left+right"],
      ["0/1", "left"],
      ["0/2", "right"],
    ]);
    // Kofi said two different things in one thread: one note-taker caught each, or both noted one remark differently.
    expect(report.conflicts).toEqual([
      expect.objectContaining({
        id: "0/1|0/1",
        threadPath: "0",
        speaker: "Kofi Boateng",
        left: "runbooks first",
        right: "we page the team that shipped",
        choice: "both",
      }),
    ]);
  });

  it("settles a conflict by the choice given for it, keeping everything else", () => {
    const people = [person("a", "Bruno Castellanos")];
    const left = doc(people, [
      ask("How do you know a deploy was safe?", [say("a", "error budget burn in the first hour")]),
    ]);
    const right = doc(people, [
      ask("How do you know a deploy was safe?", [say("a", "we count incidents the next morning")]),
    ]);
    const conflictId = mergeNotes(left, right).report.conflicts[0]!.id;
    expect(texts(mergeNotes(left, right, { resolutions: { [conflictId]: "left" } }).document.blocks)).toEqual([
      "How do you know a deploy was safe?",
      "error budget burn in the first hour",
    ]);
    expect(texts(mergeNotes(left, right, { resolutions: { [conflictId]: "right" } }).document.blocks)).toEqual([
      "How do you know a deploy was safe?",
      "we count incidents the next morning",
    ]);
    expect(texts(mergeNotes(left, right, { resolutions: { [conflictId]: "both" } }).document.blocks)).toHaveLength(3);
  });

  it("keeps asides with their note-taker and never pairs them", () => {
    const people = [person("a", "Chen Wei-Lin")];
    const left = doc(people, [
      say("a", "small batches make the day of the week irrelevant", ["bold"]),
      { type: "aside", text: "coffee ran out" },
    ]);
    const right = doc(people, [
      say("a", "small batches make the day of the week irrelevant", ["agreed"]),
      { type: "aside", text: "coffee ran out" },
    ]);
    const { document } = mergeNotes(left, right);
    expect(document.blocks).toEqual([
      say("a", "small batches make the day of the week irrelevant", ["bold", "agreed"]),
      { type: "aside", text: "coffee ran out" },
      { type: "aside", text: "coffee ran out" },
    ]);
  });

  it("orders what only one side has after the block it followed there, by block time when both have one", () => {
    const left = doc(
      [],
      [
        ask("first question about canaries?", [], "2021-10-09T14:00:00Z"),
        ask("left only: budgets?", [], "2021-10-09T14:20:00Z"),
      ],
    );
    const right = doc(
      [],
      [
        ask("first question about canaries?", [], "2021-10-09T14:00:30Z"),
        ask("right only: pagers?", [], "2021-10-09T14:10:00Z"),
      ],
    );
    const timed = mergeNotes(left, right).document.blocks;
    expect(texts(timed)).toEqual(["first question about canaries?", "right only: pagers?", "left only: budgets?"]);
    // The pair keeps the earlier of its two times.
    expect(timed[0]!.at).toBe("2021-10-09T14:00:00Z");
    const untimed = (d: TalkNotesDocument) => ({
      ...d,
      blocks: d.blocks.map(({ ...b }) => (delete (b as { at?: string }).at, b)),
    });
    expect(texts(mergeNotes(untimed(left), untimed(right)).document.blocks)).toEqual([
      "first question about canaries?",
      "left only: budgets?",
      "right only: pagers?",
    ]);
  });

  it("gives a new person of the right a fresh id when an imported file's id is taken", () => {
    const left = doc([person("p0", "Amara Okafor")], [say("p0", "ship small")]);
    const right = doc([person("p0", "Dana Whitfield", { role: "moderator" })], [say("p0", "thanks everyone")]);
    const { document } = mergeNotes(left, right);
    expect(document.people.map((p) => [p.id, p.name])).toEqual([
      ["p0", "Amara Okafor"],
      ["p0-2", "Dana Whitfield"],
    ]);
    expect(document.blocks.map((b) => (b as { speaker: string }).speaker)).toEqual(["p0", "p0-2"]);
  });
});
