import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { apiAs } from "./api-as";
import { shoot } from "./shoot";
import { type E2eAccount, accountToken, signIn } from "./sign-in";

/**
 * The workspace, in real Chromium against the real server: the
 * session agenda after a schedule import (days, rooms, Now/Next, filter, the
 * events' own offsets), publishing with a confirmation that leaves empty
 * sessions alone (owners only), editing and deleting sessions, conference
 * details, zipped site exports of public sessions, the Members link and the
 * invite link's Copy button, and the smaller fixes (sign-in keeps the email,
 * a garbage schedule is explained, a favicon).
 */
const OWNER: E2eAccount = {
  name: "Wanda Workspace",
  email: "owner.workspace@e2e.test",
  password: "owner-workspace-e2e-password",
};
const NOTES = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/notes/panel.txt"), "utf8");
let token = "";

test.beforeAll(() => {
  token = accountToken(OWNER);
});

async function ownerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(() => window.localStorage.setItem("talknotes:name", "Wanda"));
  const page = await context.newPage();
  await signIn(page, { account: OWNER });
  return page;
}

async function newConference(page: Page, name: string): Promise<string> {
  const created = (await apiAs(page.request, token, "post", "/conferences", {
    name,
    location: "Lisbon",
    startsOn: "2026-06-12",
    timezone: "Europe/Lisbon",
  })) as {
    conference: { slug: string };
  };
  return created.conference.slug;
}

async function newSession(
  page: Page,
  conf: string,
  title: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const created = (await apiAs(page.request, token, "post", `/conferences/${conf}/sessions`, {
    title,
    kind: "talk",
    ...extra,
  })) as { session: { slug: string } };
  return created.session.slug;
}

async function sessionWithNotes(page: Page, conf: string): Promise<string> {
  const imported = (await apiAs(page.request, token, "post", `/conferences/${conf}/import-notes`, NOTES)) as {
    session: { slug: string };
  };
  return imported.session.slug;
}

/** A pretalx schedule around the current time: in +02:00 while its time_zone_name says Europe/London. */
function scheduleAroundNow(): string {
  const minute = 60_000;
  const now = Math.floor(Date.now() / minute) * minute;
  const wall = (ms: number) => new Date(ms + 120 * minute).toISOString().slice(0, 16); // "YYYY-MM-DDTHH:MM" at +02:00
  const event = (
    guid: string,
    title: string,
    room: string,
    startMs: number,
    minutes: number,
    persons: string[] = [],
  ) => {
    const w = wall(startMs);
    return {
      guid,
      title,
      room,
      type: "Talk",
      date: `${w}:00+02:00`,
      start: w.slice(11),
      duration: `00:${String(minutes).padStart(2, "0")}`,
      persons: persons.map((name, i) => ({ code: `${guid}-${i}`, public_name: name })),
    };
  };
  const tomorrow = wall(now + 24 * 60 * minute).slice(0, 10);
  const events = [
    event("e-now", "Running Right Now", "Tan Room", now - 10 * minute, 40, ["Grace Hopper"]),
    event("e-next", "Straight After", "Tan Room", now + 45 * minute, 30),
    event("e-aqua", "Analytical Engines", "Aqua Hall", now + 60 * minute, 30, ["Ada Lovelace"]),
    {
      ...event("e-nine", "Opening Of Day Two", "Aqua Hall", 0, 30),
      date: `${tomorrow}T09:00:00+02:00`,
      start: "09:00",
    },
  ];
  const byDay = new Map<string, Record<string, unknown[]>>();
  for (const e of events) {
    const day = e.date.slice(0, 10);
    const rooms = byDay.get(day) ?? {};
    (rooms[e.room] ??= []).push(e);
    byDay.set(day, rooms);
  }
  const days = [...byDay.keys()].sort();
  return JSON.stringify({
    schedule: {
      conference: {
        title: "Zone Camp",
        start: days[0],
        end: days.at(-1),
        time_zone_name: "Europe/London",
        days: days.map((date) => ({ date, rooms: byDay.get(date) })),
      },
    },
  });
}

test("after a schedule import the workspace is an agenda by day and room, with Now, Next and a filter", async ({
  browser,
}) => {
  const page = await ownerPage(browser);
  const conf = await newConference(page, "Zone Camp");
  await apiAs(page.request, token, "post", `/conferences/${conf}/schedule`, scheduleAroundNow(), "application/json");
  await page.goto(`/conferences/${conf}`);

  expect(await page.getByTestId("ws-day").count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator(".ws-room-label", { hasText: "Tan Room" }).first()).toBeVisible();
  await expect(page.locator(".ws-room-label", { hasText: "Aqua Hall" }).first()).toBeVisible();
  const row = (title: string) => page.getByTestId("session-row").filter({ hasText: title });
  await expect(row("Running Right Now").getByTestId("mark-now")).toBeVisible();
  await expect(row("Straight After").getByTestId("mark-next")).toBeVisible();
  await expect(row("Analytical Engines").getByTestId("mark-next")).toBeVisible();
  // "start": "09:00" at +02:00 reads 9:00, whatever the file's time_zone_name claims.
  await expect(row("Opening Of Day Two").locator(".ws-time")).toHaveText("9:00 AM");
  await expect(row("Running Right Now")).toContainText("Grace Hopper");
  await expect(row("Running Right Now").locator(".badge.status-draft")).toBeVisible();
  await shoot(page, "20-workspace-agenda");

  const filter = page.getByTestId("session-filter");
  await filter.fill("lovelace");
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  await expect(page.getByTestId("session-row")).toContainText("Analytical Engines");
  await filter.fill("tan room");
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await shoot(page, "21-workspace-filter");
  await filter.fill("nothing like this");
  await expect(page.getByTestId("session-row")).toHaveCount(0);
  await expect(page.getByText("No session matches")).toBeVisible();

  // Left open, the page moves the marks on by itself: fifty minutes later the next talk is running.
  await page.clock.install();
  await page.reload();
  await expect(row("Running Right Now").getByTestId("mark-now")).toBeVisible();
  await page.clock.fastForward("00:50:00");
  await expect(row("Straight After").getByTestId("mark-now")).toBeVisible();
  await expect(row("Running Right Now").getByTestId("mark-now")).toHaveCount(0);
  await page.context().close();
});

test("Publish… asks first with counts, publishes only sessions with notes, and is for owners only", async ({
  browser,
}) => {
  const page = await ownerPage(browser);
  const conf = await newConference(page, "Publish Camp");
  const written = await sessionWithNotes(page, conf);
  await newSession(page, conf, "Empty Morning Talk");
  await newSession(page, conf, "Empty Afternoon Talk");
  await page.goto(`/conferences/${conf}`);
  await expect(page.getByTestId("session-row").locator(".badge.status-draft")).toHaveCount(3);
  await expect(page.getByTestId("session-row").filter({ hasText: "Empty Morning Talk" })).toContainText("No notes yet");

  await page.getByTestId("publish-open").click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("publish-counts")).toContainText("1 session with notes will be published");
  await expect(page.getByTestId("publish-counts")).toContainText("2 have no notes and stay drafts");
  await expect(page.getByTestId("publish-confirm")).toHaveText("Publish 1 session");
  await dialog.getByLabel("Also publish the 2 sessions without notes").check();
  await expect(page.getByTestId("publish-confirm")).toHaveText("Publish 3 sessions");
  await dialog.getByLabel("Also publish the 2 sessions without notes").uncheck();
  await shoot(page, "22-publish-dialog", { fullPage: false });
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByTestId("publish-result")).toHaveText("Published 1 session.");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("session-row").locator(".badge.status-published")).toHaveCount(1);
  await expect(page.getByTestId("session-row").locator(".badge.status-draft")).toHaveCount(2);
  await shoot(page, "23-workspace-published");
  expect((await page.request.get(`/c/${conf}/${written}`)).status()).toBe(200);
  const agenda = await (await page.request.get(`/c/${conf}`)).text();
  expect(agenda).not.toContain("Empty Morning Talk");

  // An editor sees no Publish button, and the server refuses them too.
  const invite = (await apiAs(page.request, token, "post", `/conferences/${conf}/invites`, {
    role: "editor",
    expiresInHours: 2,
  })) as { invite: { path: string } };
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto(invite.invite.path);
  await editor.getByLabel("Your name").fill("Eddie Editor");
  await editor.getByLabel("Email").fill("eddie.workspace@e2e.test");
  await editor.getByLabel("Password", { exact: true }).fill("eddie-workspace-password");
  await editor.getByRole("button", { name: "Create account and join" }).click();
  await expect(editor).toHaveURL(new RegExp(`/conferences/${conf}$`));
  await expect(editor.getByTestId("session-row")).toHaveCount(3);
  await expect(editor.getByTestId("publish-open")).toHaveCount(0);
  await expect(editor.getByTestId("members-link")).toHaveCount(0);
  const editorToken = accountToken({
    name: "Eddie Editor",
    email: "eddie.workspace@e2e.test",
    password: "eddie-workspace-password",
  });
  const refused = await editor.request.post(`/api/v1/conferences/${conf}/status`, {
    headers: { authorization: `Bearer ${editorToken}` },
    data: { status: "published", from: ["draft"] },
  });
  expect(refused.status()).toBe(403);
  await editorContext.close();
  await page.context().close();
});

test("a session's title, room and time are edited on its details page; a long title says the limit; owners delete", async ({
  browser,
}) => {
  const page = await ownerPage(browser);
  const conf = await newConference(page, "Details Camp");
  await newSession(page, conf, "Old Title", { room: "Hall B", startsAt: "2026-06-12T10:00:00+01:00" });
  await page.goto(`/conferences/${conf}`);
  await page.getByTestId("session-row").filter({ hasText: "Old Title" }).getByRole("link", { name: "Details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Session details");
  const form = page.getByTestId("session-details");
  // Lisbon is UTC+1 in June: the form shows and reads times on the conference's clock.
  await expect(form.getByLabel("Starts")).toHaveValue("2026-06-12T10:00");

  const long = `A ${"very ".repeat(60)}long title`;
  await form.getByLabel("Title").fill(long);
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByTestId("title-count")).toHaveText(
    `${long.length} characters: ${long.length - 300} over the 300 limit`,
  );
  await expect(form.getByRole("alert")).toHaveText(`Titles can be up to 300 characters; this one has ${long.length}`);
  await expect(form.getByLabel("Title")).toHaveValue(long); // kept, not cut
  await shoot(page, "24-session-details-too-long");

  await form.getByLabel("Title").fill("Making The Business Case");
  await form.getByLabel("Room").fill("Main hall");
  await form.getByLabel("Starts").fill("2026-06-12T11:30");
  await form.getByLabel("Ends").fill("2026-06-12T12:15");
  await shoot(page, "25-session-details");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Making The Business Case");
  const session = (await apiAs(page.request, token, "get", `/conferences/${conf}/sessions/old-title`)) as {
    session: Record<string, string>;
  };
  expect(session.session).toMatchObject({
    title: "Making The Business Case",
    room: "Main hall",
    startsAt: "2026-06-12T10:30:00.000Z",
    endsAt: "2026-06-12T11:15:00.000Z",
  });

  await page.goto(`/conferences/${conf}/sessions/old-title/details`);
  const del = page.getByTestId("delete-session");
  await del.getByLabel(/Delete “Making The Business Case” and its notes/).check();
  await del.getByRole("button", { name: "Delete session" }).click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${conf}$`));
  await expect(page.getByTestId("session-row")).toHaveCount(0);
  expect(
    (
      await page.request.get(`/api/v1/conferences/${conf}/sessions/old-title`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status(),
  ).toBe(404);
  await page.context().close();
});

test("an owner edits the conference's details from the workspace", async ({ browser }) => {
  const page = await ownerPage(browser);
  const conf = await newConference(page, "Detail Camp Draft Name");
  await page.goto(`/conferences/${conf}`);
  await page.getByTestId("conference-details-link").click();
  const form = page.getByTestId("conference-details");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Detail Camp Draft Name");
  await form.getByLabel("Name", { exact: true }).fill("Detail Camp 2026");
  await form.getByLabel("Location").fill("Porto, Portugal");
  await form.getByLabel("Last day").fill("2026-06-13");
  await form.getByLabel("Hashtag", { exact: true }).fill("#detailcamp");
  await form.getByLabel("Time zone").selectOption("Europe/Berlin");
  await shoot(page, "26-conference-details");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${conf}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Detail Camp 2026");
  await expect(page.locator(".ws-head .meta")).toContainText("Porto, Portugal");
  await expect(page.locator(".ws-head .meta")).toContainText("June 12, 2026 – June 13, 2026");
  const api = (await apiAs(page.request, token, "get", `/conferences/${conf}`)) as {
    conference: Record<string, string>;
  };
  expect(api.conference).toMatchObject({ name: "Detail Camp 2026", hashtag: "#detailcamp", timezone: "Europe/Berlin" });
  await page.context().close();
});

test("the site export downloads a Hugo zip of public sessions, drafts only when asked and marked as drafts", async ({
  browser,
}) => {
  const page = await ownerPage(browser);
  const conf = await newConference(page, "Export Camp");
  const published = await sessionWithNotes(page, conf);
  await apiAs(page.request, token, "patch", `/conferences/${conf}/sessions/${published}`, { status: "published" });
  await newSession(page, conf, "Private Draft Talk");
  await page.goto(`/conferences/${conf}`);

  const download = async (withDrafts: boolean) => {
    await page.getByTestId("site-export-menu").click();
    if (withDrafts) await page.getByTestId("site-export-drafts").check();
    else await shoot(page, "27-site-export-menu");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("site-export-hugo").click()]);
    expect(file.suggestedFilename()).toBe(`${conf}-hugo.zip`);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(await file.path())));
    return new Map(Object.entries(entries).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
  };

  const publicOnly = await download(false);
  const posts = [...publicOnly.keys()].filter((p) => p.startsWith(`${conf}-hugo/content/posts/`));
  expect(posts).toEqual([`${conf}-hugo/content/posts/shipping-on-fridays.md`]);
  expect(publicOnly.get(posts[0]!)).toContain("\ndraft: false\n");
  expect(publicOnly.has(`${conf}-hugo/hugo.toml`)).toBe(true);

  const withDrafts = await download(true);
  expect(withDrafts.get(`${conf}-hugo/content/posts/private-draft-talk.md`)).toContain("\ndraft: true\n");
  expect(withDrafts.get(`${conf}-hugo/content/posts/shipping-on-fridays.md`)).toContain("\ndraft: false\n");
  await page.context().close();
});

test("Members is linked from the workspace and the invite link has a Copy button", async ({ browser }) => {
  const page = await ownerPage(browser);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const conf = await newConference(page, "Members Camp");
  await page.goto(`/conferences/${conf}`);
  await page.getByTestId("members-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByTestId("secret").inputValue();
  expect(link).toMatch(/\/invite\/tn_inv_/);
  await page.getByTestId("new-invite").getByTestId("copy").click();
  await expect(page.getByTestId("new-invite").getByTestId("copy")).toHaveText("Copied ✓");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await shoot(page, "28-members-invite-copied");
  await page.context().close();
});

test("a wrong password keeps the email in the sign-in form", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in").getByRole("alert")).toBeVisible({ timeout: 20_000 }); // failed sign-ins are slowed on purpose
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(page.getByLabel("Email")).toHaveValue(OWNER.email);
  await shoot(page, "29-sign-in-wrong-password");
  await context.close();
});

test("a garbage schedule upload is explained in plain words, the parser's details folded away", async ({ browser }) => {
  const page = await ownerPage(browser);
  const conf = await newConference(page, "Garbage Camp");
  await page.goto(`/conferences/${conf}/schedule`);
  await page
    .getByLabel("Schedule file")
    .setInputFiles({ name: "schedule.json", mimeType: "application/json", buffer: Buffer.from("{this is not json") });
  await page.getByRole("button", { name: /import/i }).click();
  const alert = page.getByTestId("schedule-import").getByRole("alert");
  await expect(alert.locator(".form-error")).toHaveText(
    /schedule\.json is not a schedule Talknotes can read\. Upload the schedule export from pretalx/,
  );
  await expect(alert.getByText(/Expected property name/)).toBeHidden();
  await alert.getByText("What the reader found").click();
  await expect(alert.getByText(/Malformed JSON at line 1/)).toBeVisible();
  await shoot(page, "30-schedule-garbage");
  await page.context().close();
});

test("every page has the SVG favicon", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
