import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiAs } from "./api-as";
import { graveViolations } from "./grave-violations";
import { openAs } from "./open-as";
import { accountToken } from "./sign-in";

/**
 * ARCHITECTURE.md, "Merging notes": two people took notes of one panel separately (two sessions). From
 * the first session's page: "Merge notes from…" the other, preview side by
 * side, settle a conflict with one key, apply; a co-editor watching the session
 * sees the merge arrive live; History restores the notes from before it.
 */
const fixture = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, `../fixtures/notes/${name}`), "utf8");

test("merge notes taken separately, settle a conflict by keyboard, apply live, restore from History", async ({
  browser,
  request,
  baseURL,
}) => {
  const token = accountToken();
  const created = await apiAs(request, token, "post", "/conferences", {
    name: `Merge Camp ${Date.now().toString(36)}`,
    startsOn: "2021-10-09",
  });
  const conference = (created.conference as { slug: string }).slug;
  const importSession = async (file: string) =>
    (
      (await apiAs(request, token, "post", `/conferences/${conference}/import-notes`, fixture(file))).session as {
        slug: string;
      }
    ).slug;
  const mine = await importSession("panel.txt");
  const theirs = await importSession("panel-second-taker.md");
  const url = `${baseURL}/conferences/${conference}/sessions/${mine}`;

  const bob = await openAs(browser, url, "Bob");
  const bobNotes = bob.getByTestId("notes-editor");
  await expect(bobNotes).toContainText("Should we deploy on Fridays at all?");
  await expect(bobNotes).not.toContainText("Who is on call on the weekend?");

  const alice = await openAs(browser, url, "Alice");
  await alice.getByRole("button", { name: "Merge notes from…" }).click();
  const panel = alice.getByTestId("merge-panel");
  await expect(panel.getByLabel("Merge in")).toHaveValue(`session:${theirs}`);
  await panel.getByRole("button", { name: "Preview" }).click();
  const preview = panel.getByTestId("merge-preview");
  await expect(preview.getByTestId("merge-counts")).toContainText("1 conflicts");
  // Side by side: the merged-in thread only they caught, and a duplicate with the wording kept.
  await expect(preview.locator('tr[data-source="right"]', { hasText: "Who is on call on the weekend?" })).toBeVisible();
  await expect(
    preview.locator('tr[data-source="duplicate"]', { hasText: "we deploy forty times a day" }),
  ).toContainText("kept merged-in wording");

  expect(await graveViolations(alice, '[data-testid="merge-panel"]')).toEqual([]);

  // Keyboard only: the conflict takes focus, one key keeps this session's answer.
  const conflict = preview.getByTestId("merge-conflict");
  await expect(conflict).toHaveAttribute("data-choice", "both");
  await conflict.focus();
  await alice.keyboard.press("l");
  await expect(conflict).toHaveAttribute("data-choice", "left");
  await expect(preview.locator("tr", { hasText: "Friday afternoons are for writing the postmortem" })).toHaveCount(0);

  await panel.getByRole("button", { name: "Apply merge" }).focus();
  await alice.keyboard.press("Enter");
  await expect(panel.getByTestId("merge-done")).toContainText("recorded in History");

  // The co-editor sees it live, without reloading.
  await expect(bobNotes).toContainText("Who is on call on the weekend?");
  await expect(bobNotes).toContainText(
    "with small batches the day of the week is irrelevant, we deploy forty times a day",
  );
  await expect(bobNotes).not.toContainText("Friday afternoons are for writing the postmortem");

  // History: the merge is a named revision; the one before it restores the notes as they were.
  await alice.getByRole("button", { name: "History" }).click();
  const revisions = alice.getByTestId("revision-list").locator("li");
  await expect(revisions.first()).toContainText("Merged notes from");
  await revisions.nth(1).getByRole("button", { name: "Restore" }).click();
  await expect(bobNotes).not.toContainText("Who is on call on the weekend?");
  await expect(bobNotes).toContainText("Should we deploy on Fridays at all?");
  await expect(alice.getByTestId("notes-editor")).not.toContainText("Who is on call on the weekend?");
});
