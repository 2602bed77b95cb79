import type { Page } from "@playwright/test";

/**
 * Adds people in the session header's editor, keyboard and form only: [name, company, role].
 * On a phone-sized screen the people fold away under a disclosure: it is opened first.
 */
export async function addPeople(page: Page, people: ReadonlyArray<readonly [string, string, string]>): Promise<void> {
  const fold = page.locator("details.people-fold");
  if ((await fold.count()) > 0 && !(await fold.evaluate((d) => (d as HTMLDetailsElement).open)))
    await fold.locator("summary").click();
  for (const [name, company, role] of people) {
    await page.getByTestId("add-person").click();
    await page.getByLabel("New person's name").fill(name);
    await page.getByLabel("New person's company").fill(company);
    await page.getByLabel("New person's role").selectOption(role);
    await page.getByLabel("New person's company").press("Enter");
  }
}
