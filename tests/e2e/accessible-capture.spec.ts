import { TYPED_AT } from "./typed-at";
import AxeBuilder from "@axe-core/playwright";
import { type Locator, type Page, expect, test } from "@playwright/test";
import { newPanel } from "./create-panel";
import { openAs } from "./open-as";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";

/**
 * Accessibility (ARCHITECTURE.md): a short panel captured the way a screen-reader user works, through
 * the accessibility tree only (roles, names, labels, ARIA states; no CSS
 * selectors, no test ids in the editor): the people through their labelled
 * fields, the question and the aside through the named toolbar, the speakers
 * through the `@` suggestions, which are a listbox the notes textbox controls,
 * its highlighted option followed by aria-activedescendant.
 */

/** The option the notes textbox points at with aria-activedescendant, which must be the one marked selected. */
async function activeOption(page: Page, notes: Locator): Promise<Locator> {
  const id = await notes.getAttribute("aria-activedescendant");
  expect(id, "the notes point at a highlighted suggestion").toBeTruthy();
  const listbox = page.getByRole("listbox", { name: "Attribute to" });
  await expect(notes).toHaveAttribute("aria-controls", (await listbox.getAttribute("id"))!);
  const options = listbox.getByRole("option");
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    const option = options.nth(i);
    if ((await option.getAttribute("id")) === id) {
      await expect(option).toHaveAttribute("aria-selected", "true");
      return option;
    }
  }
  throw new Error(`aria-activedescendant="${id}" names no option of the listbox`);
}

/** `@` + `typed`, then ↓ until the highlighted suggestion is `name` (as a screen reader hears it), then Enter. */
async function attributeTo(page: Page, notes: Locator, typed: string, name: RegExp): Promise<void> {
  await page.keyboard.type(`@${typed}`);
  const listbox = page.getByRole("listbox", { name: "Attribute to" });
  await expect(listbox).toBeVisible();
  const wanted = listbox.getByRole("option", { name });
  await expect(wanted).toHaveCount(1);
  const wantedId = await wanted.getAttribute("id");
  for (let moves = 0; (await (await activeOption(page, notes)).getAttribute("id")) !== wantedId; moves++) {
    expect(moves, `${name} is among the suggestions`).toBeLessThan(10);
    const before = await notes.getAttribute("aria-activedescendant");
    await page.keyboard.press("ArrowDown");
    await expect(notes).not.toHaveAttribute("aria-activedescendant", before!);
  }
  await page.keyboard.press("Enter");
  await expect(listbox).toHaveCount(0);
  await expect(notes).not.toHaveAttribute("aria-activedescendant", /./);
  await expect(notes).not.toHaveAttribute("aria-controls", /./);
}

test("a panel captured through the accessibility tree: question, two attributed answers, an aside", async ({
  browser,
}) => {
  const url = await newPanel(browser, "Accessible Panel");
  const page = await openAs(browser, url, "Alice");

  const people = page.getByRole("region", { name: "Session details" });
  for (const [name, company] of [
    ["Jody Mulkey", "Shopzilla"],
    ["Jay Lyman", "451 Group"],
  ]) {
    await people.getByRole("button", { name: "+ Add person" }).click();
    await page.getByLabel("New person's name").fill(name!);
    await page.getByLabel("New person's company").fill(company!);
    await page.getByLabel("New person's role").selectOption("panelist");
    await page.getByLabel("New person's company").press("Enter");
  }
  await people.getByRole("button", { name: "Done" }).click();

  const notes = page.getByRole("textbox", { name: "Session notes" });
  await expect(notes).toHaveAttribute("aria-haspopup", "listbox");
  await expect(notes).toHaveAttribute("aria-autocomplete", "list");
  const toolbar = page.getByRole("toolbar", { name: "Notes structure" });

  await notes.focus();
  await page.keyboard.type("What are the anti-patterns?");
  await toolbar.getByRole("button", { name: "Question" }).click();
  await expect(notes).toBeFocused();

  await page.keyboard.press("Enter");
  // With the suggestions open, the editor, the listbox and its options are valid ARIA (axe, whole page).
  await page.keyboard.type("@jo");
  await expect(page.getByRole("listbox", { name: "Attribute to" })).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(
    violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await expect(page.getByRole("listbox", { name: "Attribute to" })).toHaveCount(0);
  await attributeTo(page, notes, "jo", /^Jody Mulkey, Shopzilla/);
  await page.keyboard.type("focus on what creates unplanned work");
  await page.keyboard.press("Enter");
  // "J" offers both panelists: ↓ moves the highlight, and the notes follow it.
  await attributeTo(page, notes, "j", /^Jay Lyman, 451 Group/);
  await page.keyboard.type("it could be the wrong model");
  await page.keyboard.press("Enter");
  await toolbar.getByRole("button", { name: "Aside" }).click();
  await page.keyboard.type("great point");

  // What a screen reader reads, paragraph by paragraph: the question as a question, each answer with its
  // speaker's full name and company, the aside as the note-taker's.
  const paragraphs = notes.getByRole("paragraph");
  await expect(paragraphs).toHaveCount(4);
  const heard = async (i: number) => (await paragraphs.nth(i).ariaSnapshot()).replace(/\s+/g, " ");
  expect(await heard(0)).toMatch(/Question: What are the anti-patterns\?/);
  expect(await heard(1)).toMatch(/Jody Mulkey, Shopzilla: focus on what creates unplanned work/);
  expect(await heard(2)).toMatch(/Jay Lyman, 451 Group: it could be the wrong model/);
  expect(await heard(3)).toMatch(/great point/);
  expect(await heard(3)).not.toMatch(/Jay Lyman|Jody Mulkey/);

  // And the structure stored is exactly that.
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  const res = await page.request.get(`${new URL(url).pathname}/export/json`);
  const doc = (await res.json()) as TalkNotesDocument;
  const nameOf = new Map(doc.people.map((p) => [p.id, p.name]));
  expect(doc.blocks).toHaveLength(1);
  const question = doc.blocks[0] as Extract<Block, { type: "question" }>;
  expect({
    ...question,
    answers: question.answers.map((b) =>
      b.type === "statement" ? { ...b, speaker: b.speaker && nameOf.get(b.speaker) } : b,
    ),
  }).toEqual({
    type: "question",
    text: "What are the anti-patterns?",
    askedBy: null,
    at: TYPED_AT,
    answers: [
      {
        type: "statement",
        speaker: "Jody Mulkey",
        text: "focus on what creates unplanned work",
        asides: [],
        children: [],
        at: TYPED_AT,
      },
      {
        type: "statement",
        speaker: "Jay Lyman",
        text: "it could be the wrong model",
        asides: [],
        children: [],
        at: TYPED_AT,
      },
      { type: "aside", text: "great point", at: TYPED_AT },
    ],
  });
  await page.context().close();
});
