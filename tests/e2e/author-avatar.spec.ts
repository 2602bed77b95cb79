import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { photoWithGps } from "../support/photo-with-gps";
import { shoot } from "./shoot";
import { e2eDatabaseUrl, ensureAccount, signIn } from "./sign-in";

/**
 * The uploaded avatar in real Chromium: an author picks an image
 * on the account page (an SVG is refused with the server's words first), the
 * square avatar appears there at once, and the public session page's About
 * box shows it, loaded. Screenshots of both at 1280 and 390 px.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const ACCOUNT = { name: "Avery Avatar", email: "avery.avatar@example.org", password: "avatar-e2e-password" };
const CONF = "avatar-camp-e2e";

function talknotes(...args: string[]) {
  execFileSync(process.execPath, [path.join(ROOT, "bin/talknotes.mjs"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    stdio: "pipe",
  });
}

test("an author uploads an avatar on the account page and the public About box shows it", async ({
  page,
}, testInfo) => {
  ensureAccount(ACCOUNT);
  talknotes("import-notes", path.join(ROOT, "tests/fixtures/notes/panel.txt"), "--conference", CONF);
  talknotes("publish", "--conference", CONF, "--all");
  // The account wrote in the session (a revision in its name) as an editor of the conference, with a bio.
  const db = new Database(process.env.TALKNOTES_E2E_DB!);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const user = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(ACCOUNT.email) as { id: string };
  const session = db
    .prepare(
      `SELECT s.id, s.slug, s."conferenceId", n.generation FROM "Session" s JOIN "Conference" c ON c.id = s."conferenceId" JOIN "NotesDocument" n ON n."sessionId" = s.id WHERE c.slug = ?`,
    )
    .get(CONF) as { id: string; slug: string; conferenceId: string; generation: string };
  db.prepare(`UPDATE "User" SET bio = ?, link = ? WHERE id = ?`).run(
    "Writes up operations talks for the Harbour Ops blog.",
    "https://avery.example/about",
    user.id,
  );
  db.prepare(
    `INSERT OR IGNORE INTO "Membership" (id, "userId", "conferenceId", role, "createdAt", "updatedAt") VALUES (?, ?, ?, 'editor', ?, ?)`,
  ).run(`m-${user.id}-${session.conferenceId}`, user.id, session.conferenceId, now, now);
  db.prepare(
    `INSERT INTO "Revision" (id, "sessionId", generation, kind, name, state, authors, "createdAt") VALUES (?, ?, ?, 'named', 'avatar e2e', ?, ?, ?)`,
  ).run(
    `r-avatar-${testInfo.retry}-${Date.now()}`,
    session.id,
    session.generation,
    Buffer.from([0, 0]),
    JSON.stringify([ACCOUNT.name]),
    now,
  );
  db.close();

  await signIn(page, { account: ACCOUNT });
  await page.goto("/account");
  const upload = page.getByTestId("avatar-upload");
  await upload.locator('input[type="file"]').setInputFiles({
    name: "me.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  });
  await expect(upload.getByRole("alert")).toContainText("SVG");

  await upload
    .locator('input[type="file"]')
    .setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: await photoWithGps(900, 700) });
  const preview = upload.getByRole("img", { name: "Your avatar" });
  await expect(preview).toHaveAttribute("src", /\/avatars\/[0-9a-f]{64}\.webp$/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  await expect(upload.getByRole("alert")).toHaveCount(0);
  await expect(page.getByLabel(/Avatar image URL/)).toHaveValue(/\/avatars\/[0-9a-f]{64}\.webp$/);
  await shoot(page, "account-avatar");

  await page.goto(`/c/${CONF}/${session.slug}`);
  const box = page.getByRole("complementary", { name: "About the author" });
  await expect(box).toContainText("About Avery Avatar");
  const avatar = box.locator("img.avatar");
  await expect(avatar).toHaveAttribute("src", /\/avatars\/[0-9a-f]{64}\.webp$/);
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  await box.scrollIntoViewIfNeeded();
  await shoot(page, "public-about-avatar");
});
