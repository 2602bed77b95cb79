import type { Browser, Locator, Page } from "@playwright/test";
import { newPanel } from "./create-panel";
import { openAs } from "./open-as";

/** Alice and Bob, each in their own browser, in a new panel titled `title`, with their notes textboxes. */
export async function twoNoteTakers(
  browser: Browser,
  title: string,
): Promise<{ url: string; alice: Page; bob: Page; aliceNotes: Locator; bobNotes: Locator }> {
  const url = await newPanel(browser, title);
  const alice = await openAs(browser, url, "Alice");
  const bob = await openAs(browser, url, "Bob");
  const notes = (page: Page) => page.getByRole("textbox", { name: "Session notes" });
  return { url, alice, bob, aliceNotes: notes(alice), bobNotes: notes(bob) };
}
