import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAccount, sessionCookie } from "../support/auth-seed";
import { postServerAction } from "../support/post-server-action";
import { importPanel } from "../support/import-panel";
import { publishWithAuthors } from "../support/publish-with-authors";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";

/**
 * The author profile and blog index against the real server: a
 * note-taker's profile (set through the account page's form) shows as the
 * "About" box on the public page and in exports, hostile profile text stays
 * inert, a profile change reaches the cached page at once, and the blog index
 * lists public sessions newest first, paged, with no script.
 */
let server: RunningServer;
let conference = "";
let published = "";
let cookie = "";

beforeAll(async () => {
  ({ server } = await startTestServer());
  const { getPrisma } = await import("../../server/db/prisma");
  const first = await importPanel();
  conference = first.conference.slug;
  published = first.session.slug;
  const prisma = getPrisma();
  await prisma.session.update({
    where: { id: first.session.id },
    data: { startsAt: new Date("2010-06-25T17:00:00Z") },
  });
  await publishWithAuthors(conference, published, ["Kim Note", "Lou Scribe"]);
  // An admin first (the first account), then the note-taker as an editor of the conference.
  await seedAccount({ name: "Admin Person" });
  const kim = await seedAccount({ name: "Kim Note", conferenceId: first.conference.id, role: "editor" });
  cookie = await sessionCookie(kim.email);
  // Eleven more public sessions, one a day before the panel: the blog pages after ten.
  for (let i = 1; i <= 11; i++) {
    await prisma.session.create({
      data: {
        conferenceId: first.conference.id,
        slug: `older-${i}`,
        title: `Older talk ${i}`,
        status: "published",
        startsAt: new Date(Date.UTC(2010, 5, 25 - i, 9)),
      },
    });
  }
});

afterAll(async () => {
  await server?.stop();
});

describe("author profile", () => {
  it("is saved from the account page and shows as the About box, inert, and updates the cached page", async () => {
    const before = await (await fetch(`${server.url}/c/${conference}/${published}`)).text();
    expect(before).toContain("Notes by Kim Note and Lou Scribe");
    expect(before).not.toContain("about-author");

    const account = await (await fetch(`${server.url}/account`, { headers: { cookie } })).text();
    const res = await postServerAction(`${server.url}/account`, account, {
      form: "author-profile",
      fields: {
        name: "Kim Note",
        bio: 'Ops at <img src=x onerror="alert(1)"> Harbour.',
        link: "https://kim.example/about",
        avatarUrl: "",
      },
      headers: { cookie },
    });
    expect(res.status).toBeLessThan(400);

    const after = await (await fetch(`${server.url}/c/${conference}/${published}`)).text();
    expect(after).toContain("<p><strong>About Kim Note</strong></p>");
    expect(after).toContain("Ops at &lt;img src=x onerror=&quot;alert(1)&quot;&gt; Harbour.");
    expect(after).not.toMatch(/<img src=x/);
    expect(after).toContain('<a href="https://kim.example/about" rel="author nofollow noopener">');

    // Exports carry it too (Markdown front matter and the box at the end).
    const { exportConference } = await import("../../server/data/export-conference");
    const [md] = await exportConference({ conferenceSlug: conference, sessionSlug: published, to: "md" });
    expect(md!.content).toContain('author: "Kim Note"\nauthors: ["Kim Note", "Lou Scribe"]');
    expect(md!.content).toContain("**About Kim Note**");
  });

  it("refuses a link that is not http(s)", async () => {
    const account = await (await fetch(`${server.url}/account`, { headers: { cookie } })).text();
    await postServerAction(`${server.url}/account`, account, {
      form: "author-profile",
      fields: { name: "Kim Note", bio: "x", link: "javascript:alert(1)", avatarUrl: "" },
      headers: { cookie },
    });
    const { getPrisma } = await import("../../server/db/prisma");
    const kim = await getPrisma().user.findFirstOrThrow({ where: { name: "Kim Note" } });
    expect(kim.link).toBe("https://kim.example/about");
  });
});

describe("blog index", () => {
  it("lists public sessions newest first, dated, with excerpt and byline, ten a page, without script", async () => {
    const res = await fetch(`${server.url}/c/${conference}/blog`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    const titles = [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    expect(titles).toEqual(["Shipping On Fridays", ...Array.from({ length: 9 }, (_, i) => `Older talk ${i + 1}`)]);
    expect(html).toContain('<time datetime="2010-06-25T17:00:00.000Z">');
    expect(html).toContain("Notes by Kim Note and Lou Scribe");
    expect(html).toMatch(/<p class="excerpt">[^<]{20,}<\/p>/);
    expect(html).toContain(`<a rel="next" href="/c/${conference}/blog?page=2">Older notes</a>`);

    const second = await (await fetch(`${server.url}/c/${conference}/blog?page=2`)).text();
    expect([...second.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1])).toEqual([
      "Older talk 10",
      "Older talk 11",
    ]);
    expect(second).toContain(`<a rel="prev" href="/c/${conference}/blog">Newer notes</a>`);
    expect(second).not.toContain('rel="next"');
  });

  it("is linked from the agenda and 404 for an unknown conference", async () => {
    expect(await (await fetch(`${server.url}/c/${conference}`)).text()).toContain(`href="/c/${conference}/blog"`);
    expect((await fetch(`${server.url}/c/no-such-conference/blog`)).status).toBe(404);
  });
});
