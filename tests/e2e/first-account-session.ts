import { type Browser, type BrowserContext, expect } from "@playwright/test";

/** What a spec with its own server needs to open the session as its owner. */
export interface FirstAccountSession {
  /** The workspace path of the session's editor page. */
  sessionPath: string;
  /** The signed-in owner's cookies, for `browser.newContext({ storageState })`. */
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
}

/**
 * On a fresh server, signs up the first account (Olga Organiser, the instance
 * admin), creates a conference and one session through the forms, and hands
 * back the owner's storage state and the session's editor path.
 */
export async function firstAccountSession(
  browser: Browser,
  serverUrl: string,
  options: { conference: string; title: string; city?: string; firstDay?: string; kind?: string },
): Promise<FirstAccountSession> {
  const setup = await browser.newPage();
  await setup.goto(`${serverUrl}/signup`);
  await setup.getByLabel("Your name").fill("Olga Organiser");
  await setup.getByLabel("Email").fill("olga@example.test");
  await setup.getByLabel("Password").fill("a long enough password");
  await setup.getByRole("button", { name: "Create account" }).click();
  await setup.waitForURL(`${serverUrl}/`);
  await setup.getByLabel("Name").fill(options.conference);
  if (options.city) await setup.getByLabel("City").fill(options.city);
  if (options.firstDay) await setup.getByLabel("First day").fill(options.firstDay);
  await setup.getByRole("button", { name: "Create conference" }).click();
  await expect(setup.getByRole("heading", { level: 1 })).toHaveText(options.conference);
  await setup.getByLabel("Title").fill(options.title);
  if (options.kind) await setup.getByLabel("Kind").selectOption(options.kind);
  await setup.getByRole("button", { name: "Create session" }).click();
  await expect(setup.getByRole("heading", { level: 1 })).toHaveText(options.title);
  const sessionPath = new URL(setup.url()).pathname;
  const storageState = await setup.context().storageState();
  await setup.context().close();
  return { sessionPath, storageState };
}
