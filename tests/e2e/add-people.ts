import type { Page } from "@playwright/test";

/** Adds people in the session header's editor, keyboard and form only: [name, company, role]. */
export async function addPeople(page: Page, people: ReadonlyArray<readonly [string, string, string]>): Promise<void> {
  for (const [name, company, role] of people) {
    await page.getByTestId("add-person").click();
    await page.getByLabel("New person's name").fill(name);
    await page.getByLabel("New person's company").fill(company);
    await page.getByLabel("New person's role").selectOption(role);
    await page.getByLabel("New person's company").press("Enter");
  }
}
