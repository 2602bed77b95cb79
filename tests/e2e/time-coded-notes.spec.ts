import { expect, test } from "@playwright/test";
import { nestedBlocks } from "../../lib/interchange/nested-blocks";
import type { Block, TalkNotesDocument } from "../../lib/interchange/types";
import { newPanel } from "./create-panel";
import { openAs } from "./open-as";

/**
 * Time-coded notes (ARCHITECTURE.md), end to end: a note-taker types a short
 * panel; every block gets its time (shown in the margin, never in the text);
 * the session gets a
 * recording and one sync point; once published, the public page's time links
 * open the recording at the right second, no third-party request or script
 * is loaded until the reader opens the player, and a click on a bullet's time
 * then seeks the player. The player's origin is served by a stub here (no
 * internet): Playwright answers www.youtube-nocookie.com requests itself.
 */

const VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
const utcWall = (ms: number) => new Date(ms).toISOString().slice(0, 16); // the conference's zone is UTC

function flat(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => [b, ...flat(nestedBlocks(b))]);
}

test("type a panel, set a recording, publish: time links go to the right second; the opt-in player seeks", async ({
  browser,
}) => {
  const url = await newPanel(browser, "Time Coded Panel");
  const editorPath = new URL(url).pathname;
  const [, , conference, , session] = editorPath.split("/");

  const alice = await openAs(browser, url, "Alice");
  const notes = alice.getByTestId("notes-editor");
  await notes.focus();
  const typedFrom = Date.now();
  await alice.keyboard.type("Q: What are the anti-patterns");
  await alice.keyboard.press("Enter");
  await alice.keyboard.type("unplanned work, mostly");
  await alice.keyboard.press("Enter");
  await alice.keyboard.press("Shift+Tab");
  await alice.keyboard.type("a plain note after the thread");
  const typedTo = Date.now();
  await expect(alice.getByTestId("sync-status")).toHaveText("Saved");

  // The margin shows hh:mm from an attribute; the text of the notes has no time in it.
  const label = new Date(typedFrom).toISOString().slice(11, 16);
  await expect(notes.locator("[data-at-label]").first()).toHaveAttribute("data-at-label", /^\d\d:\d\d$/);
  expect([label, new Date(typedTo).toISOString().slice(11, 16)]).toContain(
    await notes.locator("[data-at-label]").first().getAttribute("data-at-label"),
  );
  await expect(notes).not.toContainText(label);

  // Every block got the server's time of its first keystroke.
  const exported = async () =>
    (await (await alice.request.get(`${editorPath}/export/json`)).json()) as TalkNotesDocument;
  await expect.poll(async () => flat((await exported()).blocks).filter((b) => b.at).length).toBe(3);
  const blocks = flat((await exported()).blocks);
  for (const b of blocks) {
    expect(Date.parse(b.at!)).toBeGreaterThanOrEqual(typedFrom - 1000);
    expect(Date.parse(b.at!)).toBeLessThanOrEqual(typedTo + 1000);
  }

  // The session started five minutes before the first note; the recording is on YouTube.
  const startsAt = Math.floor((Date.parse(blocks[0]!.at!) - 5 * 60_000) / 60_000) * 60_000;
  await alice.goto(`${editorPath}/details`);
  await alice.locator('input[name="startsAt"]').fill(utcWall(startsAt));
  await alice.locator('input[name="recordingUrl"]').fill(VIDEO);
  await alice.getByRole("button", { name: "Save details" }).click();
  await expect(alice).toHaveURL(new RegExp(`${editorPath}$`));

  await alice.getByLabel("Status").selectOption("published");
  await expect(alice.getByLabel("Status")).toHaveAttribute("title", /^Published/);

  const reader = await browser.newContext();
  const page = await reader.newPage();
  const thirdParty: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith("http://127.0.0.1")) thirdParty.push(req.url());
  });
  await page.route("https://www.youtube-nocookie.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!DOCTYPE html><title>player stub</title><p>player</p>" }),
  );
  await page.goto(`/c/${conference}/${session}`);
  const links = page.locator("#notes a.at");
  await expect(links).toHaveCount(3);
  const second = (at: string) => Math.floor((Date.parse(at) - startsAt) / 1000);
  for (const [i, b] of blocks.entries()) {
    await expect(links.nth(i)).toHaveAttribute(
      "href",
      `https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=${second(b.at!)}s`,
    );
  }
  // Nothing from the platform, and no script at all, until the reader asks for the player.
  expect(await page.locator("iframe, script").count()).toBe(0);
  expect(thirdParty).toEqual([]);

  await page.getByRole("link", { name: "Play it on this page" }).click();
  const frame = page.frameLocator('iframe[name="recording-player"]');
  await expect(frame.locator("p")).toHaveText("player");
  await expect(page.locator('iframe[name="recording-player"]')).toHaveAttribute(
    "src",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=0",
  );
  await page.locator("#notes a.at").nth(1).click();
  const player = () => page.frame({ name: "recording-player" })?.url() ?? "";
  await expect
    .poll(player)
    .toBe(`https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=${second(blocks[1]!.at!)}&autoplay=1`);
  await expect(page).toHaveURL(/\?player=1/); // the page stayed; only the player moved

  // One sync point: the answer is heard at 1:00 in the video; every link moves with it.
  await alice.goto(`${editorPath}/details`);
  await alice.locator('input[name="syncNoteTime"]').fill(new Date(blocks[1]!.at!).toISOString().slice(11, 19));
  await alice.locator('input[name="syncVideoPosition"]').fill("1:00");
  await alice.getByRole("button", { name: "Save details" }).click();
  await expect(alice).toHaveURL(new RegExp(`${editorPath}$`));
  await page.goto(`/c/${conference}/${session}`);
  // The note time is typed to the second, so the answer lands on 1:00 exactly (its milliseconds dropped).
  await expect(links.nth(1)).toHaveAttribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=60s");
  const shift = Math.floor((Date.parse(blocks[2]!.at!) - Date.parse(blocks[1]!.at!.slice(0, 19) + "Z")) / 1000);
  await expect(links.nth(2)).toHaveAttribute("href", `https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=${60 + shift}s`);
  await reader.close();

  // A note-taker sets a time by hand: the plain note was said at 10:00 (the conference's clock, UTC).
  await expect(alice.getByTestId("sync-status")).toHaveText("Saved");
  await alice.getByTestId("notes-editor").getByText("a plain note after the thread").click();
  await alice.getByRole("button", { name: "Time" }).click();
  const form = alice.getByTestId("block-time-form");
  await form.getByLabel("Said at").fill("10:00:00");
  await form.getByRole("button", { name: "Set time" }).click();
  await expect(alice.getByTestId("notes-editor").locator("[data-at-label]").nth(2)).toHaveAttribute(
    "data-at-label",
    "10:00",
  );
  await expect(alice.getByTestId("notes-editor")).toBeFocused();
  const day = new Date(startsAt).toISOString().slice(0, 10);
  await expect.poll(async () => flat((await exported()).blocks)[2]!.at).toBe(`${day}T10:00:00.000Z`);
  await alice.context().close();
});
