import { type Browser, type Locator, type Page, expect, test } from "@playwright/test";
import { photoWithGps } from "../support/photo-with-gps";
import { type RunningServer, startServer, tempDatabase } from "../support/server-process";
import { type FirstAccountSession, firstAccountSession } from "./first-account-session";
import { openNoteTaker } from "./open-note-taker";

/**
 * Photos in the notes (ARCHITECTURE.md, "Photos"), in real Chromium against the real server.
 * A pasted photo shows at once and reaches the co-editor; its alt text is
 * edited in place; published, the public page shows it responsive and lazy
 * with its alt text and still no script files. A photo taken offline survives
 * a reload with no network and uploads when the network returns. Own server:
 * the offline test needs the service worker of a fresh origin.
 */
let server: RunningServer;
const db = tempDatabase("talknotes-photos-");
let owner: FirstAccountSession;
let photo: Buffer;

test.beforeAll(async ({ browser }) => {
  server = await startServer({ databaseUrl: db.url });
  photo = await photoWithGps(640, 480);
  owner = await firstAccountSession(browser, server.url, { conference: "DevOps Day", title: "Slides Everywhere" });
});

test.afterAll(async () => {
  await server?.stop();
});

const noteTaker = (browser: Browser, name: string) => openNoteTaker(browser, server.url, owner, name);

/** True once the <img> has decoded real pixels (from the device's file or from the server). */
function loaded(img: Locator): Promise<boolean> {
  return img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
}

/** Pastes `bytes` as an image file at the caret, as a screenshot paste does. */
async function pasteImage(page: Page, bytes: Buffer, type: string): Promise<void> {
  await page.evaluate(
    ({ b64, type }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], "slide", { type }));
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { b64: bytes.toString("base64"), type },
  );
}

test("a pasted photo reaches the co-editor; alt text in place; published, the public page shows it", async ({
  browser,
}) => {
  const alice = await noteTaker(browser, "Alice");
  const bob = await noteTaker(browser, "Bob");
  await alice.getByTestId("notes-editor").click();
  await alice.keyboard.type("The latency slide:");
  await alice.keyboard.press("Enter");
  await pasteImage(alice, photo, "image/jpeg");

  const mine = alice.locator(".notes-photo");
  await expect(mine).toHaveCount(1);
  await expect.poll(() => loaded(mine.locator("img"))).toBe(true);
  await expect(mine).toHaveAttribute("data-state", "uploaded");
  const hash = await mine.getAttribute("data-hash");
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  const theirs = bob.locator(`.notes-photo[data-hash="${hash}"]`);
  await expect(theirs).toBeVisible();
  await expect.poll(() => loaded(theirs.locator("img"))).toBe(true);
  // Served upright: the 640 x 480 sensor image with orientation 6 is a portrait photo.
  expect(await theirs.locator("img").evaluate((el: HTMLImageElement) => el.naturalHeight > el.naturalWidth)).toBe(true);

  await mine.getByTestId("notes-photo-alt").fill("Latency chart: p99 under 200 ms");
  await mine.getByTestId("notes-photo-caption").fill("Slide 12");
  await expect(theirs.getByTestId("notes-photo-alt")).toHaveValue("Latency chart: p99 under 200 ms");
  await expect(theirs.getByTestId("notes-photo-caption")).toHaveValue("Slide 12");
  await expect(alice.getByTestId("sync-status")).toHaveText("Saved");

  // A draft's photo is not public.
  const anonymous = await browser.newContext();
  const file = `${hash}-w480.webp`;
  const route = new URL((await theirs.locator("img").getAttribute("src"))!, server.url).pathname.replace(/[^/]+$/, "");
  expect((await anonymous.request.get(`${server.url}${route}${file}`)).status()).toBe(404);

  await alice.getByLabel("Status").selectOption("published");
  await expect(alice.getByLabel("Status")).toHaveAttribute("title", /^Published/);
  const reader = await anonymous.newPage();
  const [, conference, session] = /^\/conferences\/([^/]+)\/sessions\/([^/]+)/.exec(owner.sessionPath)!;
  const img = reader.locator("figure.photo img");
  // The readers' copy is rendered once the notes settle (750 ms after the last edit of a session not live).
  await expect
    .poll(async () => {
      await reader.goto(`${server.url}/c/${conference}/${session}`);
      return img.getAttribute("alt");
    })
    .toBe("Latency chart: p99 under 200 ms");
  await expect(img).toHaveAttribute("loading", "lazy");
  await expect(img).toHaveAttribute("srcset", new RegExp(`${hash}-w480\\.webp 480w`));
  await expect(img).toHaveAttribute("width", "480");
  await expect(img).toHaveAttribute("height", "640");
  await expect(reader.locator("figure.photo figcaption")).toHaveText("Slide 12");
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => loaded(img)).toBe(true);
  await expect(reader.locator("script[src]")).toHaveCount(0);
  const served = await anonymous.request.get(`${server.url}${route}${file}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  await anonymous.close();
  await alice.context().close();
  await bob.context().close();
});

test("a photo taken offline survives a reload with no network and uploads when it returns", async ({ browser }) => {
  const alice = await noteTaker(browser, "Alice");
  const bob = await noteTaker(browser, "Bob");
  await expect(alice.locator("html")).toHaveAttribute("data-offline-ready", "true");
  const before = await bob.locator(".notes-photo").count();

  await alice.context().setOffline(true);
  await expect(alice.getByTestId("sync-status")).toHaveText("Offline: everything saved");
  await alice.getByTestId("notes-editor").click();
  await alice
    .getByTestId("photo-input")
    .first()
    .setInputFiles({ name: "slide.png", mimeType: "image/png", buffer: await pngSlide() });
  const pending = alice.locator('.notes-photo[data-state="pending"]');
  await expect(pending).toHaveCount(1);
  await expect.poll(() => loaded(pending.locator("img"))).toBe(true);
  await expect(alice.getByTestId("sync-photos")).toHaveText(" · 1 photo not yet uploaded");

  await alice.reload();
  expect(await alice.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(pending).toHaveCount(1);
  await expect.poll(() => loaded(pending.locator("img"))).toBe(true);
  await expect(pending.locator(".notes-photo-status")).toHaveText("Waiting for the network to upload");
  await expect(alice.getByTestId("sync-photos")).toHaveText(" · 1 photo not yet uploaded");
  await expect(bob.locator(".notes-photo")).toHaveCount(before);

  await alice.context().setOffline(false);
  await expect(alice.locator('.notes-photo[data-state="uploaded"]')).toHaveCount(before + 1, { timeout: 15_000 });
  await expect(alice.getByTestId("sync-photos")).toHaveCount(0);
  await expect(bob.locator('.notes-photo[data-state="uploaded"]')).toHaveCount(before + 1, { timeout: 15_000 });
  await expect.poll(() => loaded(bob.locator(".notes-photo img").last())).toBe(true);
  await alice.context().close();
  await bob.context().close();
});

/** A small PNG (not the JPEG of the first test, so it is a new photo). */
async function pngSlide(): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width: 320, height: 180, channels: 3, background: "#1e6091" } })
    .png()
    .toBuffer();
}
