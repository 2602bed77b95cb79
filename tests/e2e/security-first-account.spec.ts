import { expect, test } from "@playwright/test";
import { type RunningServer, startServer, tempDatabase } from "../support/server-process";

/**
 * A fresh instance: the first visitor is sent to sign-up and becomes the
 * admin; after that sign-up is by invitation until the admin opens it. Runs
 * its own server, because the shared one already has accounts.
 */
let server: RunningServer;
const db = tempDatabase("talknotes-first-account-");

test.beforeAll(async () => {
  server = await startServer({ databaseUrl: db.url });
});
test.afterAll(async () => {
  await server?.stop();
});

test("the first account becomes the admin; then sign-up is invite-only until the admin opens it", async ({
  browser,
}) => {
  const first = await (await browser.newContext()).newPage();
  await first.goto(`${server.url}/`);
  await expect(first).toHaveURL(/\/signup$/);
  await expect(first.getByText("the first account becomes its administrator")).toBeVisible();
  await expect(first.getByLabel("Password", { exact: true })).toHaveAttribute("minlength", "10"); // the server checks too
  await first.getByLabel("Your name").fill("Ada Admin");
  await first.getByLabel("Email").fill("ada@first.test");
  await first.getByLabel("Password", { exact: true }).fill("ada-admin-password");
  await first.getByRole("button", { name: "Create account" }).click();
  await expect(first).toHaveURL(`${server.url}/`);
  await expect(first.getByTestId("account-nav")).toHaveText("Ada Admin");
  await first.goto(`${server.url}/account`);
  await expect(first.getByText("instance admin")).toBeVisible();

  const second = await (await browser.newContext()).newPage();
  await second.goto(`${server.url}/signup`);
  await expect(second.getByText("Sign-up is by invitation")).toBeVisible();
  await expect(second.getByRole("button", { name: "Create account" })).toHaveCount(0);

  await first.getByTestId("signup-policy").getByRole("checkbox").check();
  // The checkbox is checked before saving: wait for the server action itself, not for the box.
  await Promise.all([
    first.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/account")),
    first.getByTestId("signup-policy").getByRole("button", { name: "Save" }).click(),
  ]);
  await expect(first.getByTestId("signup-policy").getByRole("checkbox")).toBeChecked();
  await second.reload();
  await second.getByLabel("Your name").fill("Bo Second");
  await second.getByLabel("Email").fill("bo@first.test");
  await second.getByLabel("Password", { exact: true }).fill("bo-second-password");
  await second.getByRole("button", { name: "Create account" }).click();
  await expect(second).toHaveURL(`${server.url}/`);
  await second.goto(`${server.url}/account`);
  await expect(second.getByText("instance admin")).toHaveCount(0);

  // Signing out ends the session server-side.
  await second.getByRole("button", { name: "Sign out" }).click();
  await expect(second).toHaveURL(/\/login$/);
  await second.goto(`${server.url}/account`);
  await expect(second).toHaveURL(/\/login\?next=/);
});
