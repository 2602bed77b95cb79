import { TYPED_AT } from "./typed-at";
import { type Page, expect, test } from "@playwright/test";
import { addPeople } from "./add-people";
import { caretToEnd } from "./caret-to-end";
import { newPanel } from "./create-panel";
import { openAs } from "./open-as";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";

/**
 * The structured-panel acceptance: two co-editors, keyboard only, enter a panel at the
 * same time — two questions, five attributed answers (one name typed with a
 * typo) and an aside — and the session's talknotes/1 JSON is exactly right.
 */

/** Types an attributed answer: Enter for a new answer, `@` + the name as typed, Enter to pick, then the words. */
async function answer(page: Page, typedName: string, words: string) {
  await page.keyboard.press("Enter");
  await page.keyboard.type(`@${typedName}`);
  await page.keyboard.press("Enter");
  await page.keyboard.type(words);
}

test("two co-editors capture a panel by keyboard; the interchange JSON is exact", async ({ browser }) => {
  const url = await newPanel(browser);

  const alice = await openAs(browser, url, "Alice");
  const bob = await openAs(browser, url, "Bob");
  await addPeople(alice, [
    ["Damon Edwards", "DTO Solutions", "moderator"],
    ["Jay Lyman", "451 Group", "panelist"],
    ["Kurt Milne", "IT Process Institute", "panelist"],
    ["Jody Mulkey", "Shopzilla", "panelist"],
    ["Rolf Andrew Russell", "ThoughtWorks", "panelist"],
  ]);
  // Bob's header shows Alice's additions live.
  await expect(bob.getByTestId("person-row")).toHaveCount(5);

  // Alice asks the first question; Bob adds the second below it. Each caret stays where its owner typed,
  // so neither needs to navigate (no mouse, no Home/End) before they answer at once.
  await alice.getByTestId("notes-editor").focus();
  await alice.keyboard.type("Q: What are the anti-patterns");
  await expect(bob.getByTestId("notes-editor")).toContainText("What are the anti-patterns");
  await bob.getByTestId("notes-editor").focus();
  await caretToEnd(bob);
  await expect
    .poll(() => bob.evaluate(() => window.getSelection()?.focusNode?.textContent ?? ""))
    .toContain("anti-patterns");
  await bob.keyboard.press("Enter");
  await bob.keyboard.press("Shift+Tab");
  await bob.keyboard.type("Q: What should IT be measuring?");
  await expect(alice.getByTestId("notes-editor")).toContainText("What should IT be measuring?");

  // Then both type at once: Alice answers the first question, Bob the second.
  await Promise.all([
    (async () => {
      await answer(alice, "jo", "focus on what is creating the most unplanned work");
      await answer(alice, "rolf", "don't mention DevOps. Mention cycle time");
      await answer(alice, "kurtt", "business executives think in terms of outcomes");
    })(),
    (async () => {
      await answer(bob, "ja", "it could be the wrong model");
      await answer(bob, "dam", "it's awesome when we get paid on company profitability");
      await bob.keyboard.press("Enter");
      await bob.keyboard.press("Control+Alt+a");
      await bob.keyboard.type("great point, can't believe I didn't say this in my talk");
    })(),
  ]);

  for (const page of [alice, bob]) await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expect(alice.getByTestId("notes-editor")).toContainText("great point");
  await expect(bob.getByTestId("notes-editor")).toContainText("terms of outcomes");

  const res = await alice.request.get(`${new URL(url).pathname}/export/json`);
  expect(res.ok()).toBe(true);
  const doc = (await res.json()) as TalkNotesDocument;
  const nameOf = new Map(doc.people.map((p) => [p.id, p.name]));
  const byName = (blocks: Block[]): unknown[] =>
    blocks.map((b) => {
      switch (b.type) {
        case "question":
          return { ...b, askedBy: b.askedBy && nameOf.get(b.askedBy), answers: byName(b.answers) };
        case "statement":
          return { ...b, speaker: b.speaker && nameOf.get(b.speaker), children: byName(b.children) };
        default:
          return b;
      }
    });

  // The byline (`authors`) follows stored revisions, which come on their own schedule: checked by the publishing tests.
  const { authors: _authors, ...notes } = doc;
  expect({ ...notes, people: notes.people.map(({ id: _id, ...p }) => p), blocks: byName(notes.blocks) }).toEqual({
    format: "talknotes/1",
    conference: { name: "DevOps Day", location: "Santa Clara, CA", startsOn: "2010-06-25", hashtag: "#DevOps Day" },
    session: {
      title: "Making The Business Case",
      kind: "panel",
      intro: "",
      startsAt: null,
      endsAt: null,
      room: null,
      track: null,
      slug: "making-the-business-case",
      recording: null,
    },
    people: [
      { name: "Damon Edwards", affiliation: "DTO Solutions", role: "moderator" },
      { name: "Jay Lyman", affiliation: "451 Group", role: "panelist" },
      { name: "Kurt Milne", affiliation: "IT Process Institute", role: "panelist" },
      { name: "Jody Mulkey", affiliation: "Shopzilla", role: "panelist" },
      { name: "Rolf Andrew Russell", affiliation: "ThoughtWorks", role: "panelist" },
    ],
    blocks: [
      {
        type: "question",
        text: "What are the anti-patterns",
        askedBy: null,
        at: TYPED_AT,
        answers: [
          {
            type: "statement",
            speaker: "Jody Mulkey",
            text: "focus on what is creating the most unplanned work",
            asides: [],
            children: [],
            at: TYPED_AT,
          },
          {
            type: "statement",
            speaker: "Rolf Andrew Russell",
            text: "don't mention DevOps. Mention cycle time",
            asides: [],
            children: [],
            at: TYPED_AT,
          },
          {
            type: "statement",
            speaker: "Kurt Milne",
            text: "business executives think in terms of outcomes",
            asides: [],
            children: [],
            at: TYPED_AT,
          },
        ],
      },
      {
        type: "question",
        text: "What should IT be measuring?",
        askedBy: null,
        at: TYPED_AT,
        answers: [
          {
            type: "statement",
            speaker: "Jay Lyman",
            text: "it could be the wrong model",
            asides: [],
            children: [],
            at: TYPED_AT,
          },
          {
            type: "statement",
            speaker: "Damon Edwards",
            text: "it's awesome when we get paid on company profitability",
            asides: [],
            children: [],
            at: TYPED_AT,
          },
          { type: "aside", text: "great point, can't believe I didn't say this in my talk", at: TYPED_AT },
        ],
      },
    ],
  });
});

test("a person added inline by one co-editor is offered by the other's autocomplete at once; a rename updates every chip", async ({
  browser,
}) => {
  const url = await newPanel(browser);
  const alice = await openAs(browser, url, "Alice");
  const bob = await openAs(browser, url, "Bob");
  await addPeople(alice, [["Jody Mulkey", "Shopzilla", "panelist"]]);

  await alice.getByTestId("notes-editor").focus();
  await alice.keyboard.type("Q: Too many metrics?");
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("@israel");
  await expect(alice.getByTestId("attribution-menu")).toContainText("Add Israel as a new person");
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("focus on the outcomes: dollars");
  const added = Date.now();

  // Bob never reloads: his autocomplete knows Israel as soon as the shared people map syncs.
  // His caret goes to the end once Alice's line is all there: moved earlier, it would stay where the line
  // ended then, and his Enter would split her answer in two (both halves hers, two chips).
  await expect(bob.getByTestId("notes-editor")).toContainText("focus on the outcomes: dollars");
  await bob.getByTestId("notes-editor").focus();
  await caretToEnd(bob);
  await expect.poll(() => bob.evaluate(() => window.getSelection()?.focusNode?.textContent ?? "")).toContain("dollars");
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("@isr");
  await expect(bob.getByTestId("attribution-menu").getByRole("option").first()).toContainText("Israel", {
    timeout: 1000,
  });
  console.log(`[people] inline person offered to the co-editor ${Date.now() - added} ms after it was added`);
  await bob.keyboard.press("Escape");

  // Renaming once (in the header) changes the chip on every co-editor's screen.
  await expect(alice.locator(".chip-person", { hasText: "Israel" })).toBeVisible();
  // Alice's header is still in edit mode from adding Jody; audience members are editable there too.
  await expect(alice.getByRole("button", { name: "Done" })).toBeVisible();
  const row = alice.getByTestId("person-row").filter({ has: alice.locator('input[value="Israel"]') });
  await row.getByLabel("Name").fill("Yisrael Gat");
  await row.getByLabel("Name").press("Enter");
  // Chips show the short label (first name, unique in this session), the full name on hover.
  for (const page of [bob, alice]) {
    await expect(page.locator(".chip-person", { hasText: "Yisrael" })).toHaveAttribute("title", "Yisrael Gat");
    await expect(page.locator(".chip-person [aria-hidden]", { hasText: /^Israel$/ })).toHaveCount(0);
  }
});
