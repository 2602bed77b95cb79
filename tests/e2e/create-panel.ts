import { type Browser, type Page, expect } from "@playwright/test";
import { signIn } from "./sign-in";

/**
 * Signs in and creates, through the UI, the DevOps Day conference with one panel session
 * (`title`); returns the session editor's URL, with `page` on it.
 */
export async function createPanel(page: Page, title = "Making The Business Case"): Promise<string> {
  await signIn(page);
  await page.goto("/");
  await page.getByLabel("Name").fill("DevOps Day");
  await page.getByLabel("City").fill("Santa Clara, CA");
  await page.getByLabel("First day").fill("2010-06-25");
  await page.getByLabel("Hashtag").fill("#DevOps Day");
  await page.getByRole("button", { name: "Create conference" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("DevOps Day");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Kind").selectOption("panel");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url();
}

/** Creates the panel as createPanel does, in a page of its own that is closed afterwards; returns its URL. */
export async function newPanel(browser: Browser, title?: string): Promise<string> {
  const setup = await browser.newPage();
  const url = await createPanel(setup, title);
  await setup.context().close();
  return url;
}
