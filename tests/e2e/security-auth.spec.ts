import Database from "better-sqlite3";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { type E2eAccount, accountToken, signIn } from "./sign-in";

/**
 * docs/SECURITY.md, "Accounts and sessions", in the browser: invite links (accept, expired, single use), a
 * viewer's read-only editor, signed-out visitors sent to sign-in, brute-force
 * sign-in slowed, and a paste too large refused with a clear message.
 */
const OWNER: E2eAccount = { name: "Olga Owner", email: "owner.auth@e2e.test", password: "owner-auth-e2e-password" };
let conf = "";
let sessionPath = "";
let token = "";

async function api(page: Page, method: "post" | "patch", path: string, data: unknown) {
  const res = await page.request[method](`/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
    data: data as never,
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Guest"));
  return context.newPage();
}

async function createInvite(page: Page, role: string): Promise<string> {
  const body = (await api(page, "post", `/conferences/${conf}/invites`, { role, expiresInHours: 2 })) as {
    invite: { path: string };
  };
  return body.invite.path;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  token = accountToken(OWNER);
  const page = await freshPage(browser);
  const created = (await api(page, "post", "/conferences", { name: "Auth Camp" })) as { conference: { slug: string } };
  conf = created.conference.slug;
  const session = (await api(page, "post", `/conferences/${conf}/sessions`, {
    title: "Private Draft Talk",
    kind: "talk",
  })) as { session: { slug: string } };
  sessionPath = `/conferences/${conf}/sessions/${session.session.slug}`;
  await page.context().close();
});

test("signed out: the workspace sends to sign-in and comes back after it", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(sessionPath);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Private Draft Talk");
  await page.context().close();
});

test("an owner invites through the members page; the invitee signs up and edits; the link works once", async ({
  browser,
}) => {
  const owner = await freshPage(browser);
  await signIn(owner, { account: OWNER });
  await owner.goto(`/conferences/${conf}/members`);
  await owner.getByTestId("new-invite").getByLabel("Role").selectOption("editor");
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByTestId("secret").inputValue();
  expect(link).toMatch(/\/invite\/tn_inv_/);
  const path = new URL(link).pathname;

  const invitee = await freshPage(browser);
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Auth Camp");
  await invitee.getByLabel("Your name").fill("Ivan Invited");
  await invitee.getByLabel("Email").fill("ivan.invited@e2e.test");
  await invitee.getByLabel("Password", { exact: true }).fill("ivan-invited-password");
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/conferences/${conf}$`));
  await invitee.goto(sessionPath);
  await expect(invitee.getByTestId("sync-status")).toHaveText("Saved");
  await invitee.getByTestId("notes-editor").click();
  await invitee.keyboard.type("Ivan was here");
  await expect(invitee.getByTestId("sync-status")).toHaveText("Saved");

  await owner.reload();
  await expect(owner.getByTestId("member-list")).toContainText("Ivan Invited");

  const second = await freshPage(browser);
  await second.goto(path);
  await expect(second.getByTestId("invite-invalid")).toBeVisible();
  for (const p of [owner, invitee, second]) await p.context().close();
});

test("an expired invite link is refused and grants nothing", async ({ browser }) => {
  const setup = await freshPage(browser);
  const path = await createInvite(setup, "editor");
  const db = new Database(process.env.TALKNOTES_E2E_DB!);
  db.prepare(`UPDATE "Invite" SET "expiresAt" = '2020-01-01T00:00:00.000+00:00' WHERE "usedAt" IS NULL`).run();
  db.close();
  const page = await freshPage(browser);
  await page.goto(path);
  await expect(page.getByTestId("invite-invalid")).toBeVisible();
  await expect(page.getByRole("button", { name: /join/i })).toHaveCount(0);
  await setup.context().close();
  await page.context().close();
});

test("a viewer sees the draft read-only; someone without a role gets 404", async ({ browser }) => {
  const setup = await freshPage(browser);
  const path = await createInvite(setup, "viewer");
  const viewer = await freshPage(browser);
  await viewer.goto(path);
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await viewer.getByLabel("Email").fill("vera.viewer@e2e.test");
  await viewer.getByLabel("Password", { exact: true }).fill("vera-viewer-password");
  await viewer.getByRole("button", { name: "Create account and join" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/conferences/${conf}$`));
  await viewer.goto(sessionPath);
  await expect(viewer.getByTestId("read-only-notice")).toBeVisible();
  await expect(viewer.getByTestId("notes-editor")).toHaveAttribute("contenteditable", "false");
  await expect(viewer.getByTestId("notes-editor")).toContainText("Ivan was here");

  const stranger: E2eAccount = {
    name: "Sam Stranger",
    email: "sam.stranger@e2e.test",
    password: "sam-stranger-password",
  };
  const strangerPage = await freshPage(browser);
  await signIn(strangerPage, { account: stranger });
  const res = await strangerPage.goto(sessionPath);
  expect(res?.status()).toBe(404);
  await expect(strangerPage.locator("body")).not.toContainText("Private Draft Talk");
  for (const p of [setup, viewer, strangerPage]) await p.context().close();
});

test("guessing a password is slowed: after a few failures the sign-in form refuses further tries", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  const times: number[] = [];
  let refusedAt = -1;
  for (let i = 0; i < 8; i++) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password", { exact: true }).fill(`wrong-password-${i}`);
    const start = Date.now();
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("p.form-error[role=alert]");
    await expect(alert).toBeVisible();
    times.push(Date.now() - start);
    if (/Too many attempts/.test(await alert.innerText())) {
      refusedAt = i;
      break;
    }
    await expect(alert).toHaveText("Wrong email or password");
  }
  expect(refusedAt, `attempt times ${times.join(", ")} ms`).toBe(6);
  // The lockout is short at first (2 s, doubling with each further failure): the owner gets in after it.
  await page.waitForTimeout(2500);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.context().close();
});

test("a paste too large is refused with a clear message, and nothing is added", async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, { account: OWNER });
  await page.goto(sessionPath);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  const editor = page.getByTestId("notes-editor");
  const before = await editor.innerText();
  await editor.click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "lorem ipsum ".repeat(60_000));
    document
      .querySelector("[data-testid=notes-editor]")!
      .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId("paste-too-large")).toContainText("too large");
  expect(await editor.innerText()).toBe(before);
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await page.context().close();
});
