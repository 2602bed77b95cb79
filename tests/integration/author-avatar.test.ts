import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAccount, sessionCookie } from "../support/auth-seed";
import { hasGpsIfd } from "../support/has-gps-ifd";
import { PHOTO_CAMERA_MAKE, photoWithGps } from "../support/photo-with-gps";
import { importPanel } from "../support/import-panel";
import { publishWithAuthors } from "../support/publish-with-authors";
import type { RunningServer } from "../support/server-process";
import { startTestServer } from "../support/test-server";

/**
 * The avatar as an uploaded image, against the real server: the
 * account's upload goes through the photo pipeline (metadata dropped,
 * re-encoded) and is cropped to a square WebP; the profile's avatar URL then
 * points at it, so the public page's About box and the exports show it. SVG,
 * polyglots and oversized files are refused like session photos; a
 * cross-site upload and an anonymous one are refused; a new upload replaces
 * the old file, and removing it clears the profile's avatar.
 */
let server: RunningServer;
let conference = "";
let published = "";
let cookie = "";

function upload(
  body: Uint8Array | string,
  headers: Record<string, string> = { cookie, origin: server.url },
): Promise<Response> {
  return fetch(`${server.url}/api/account/avatar`, {
    method: "POST",
    body: typeof body === "string" ? body : new Uint8Array(body),
    headers: { "content-type": "application/octet-stream", ...headers },
  });
}

beforeAll(async () => {
  ({ server } = await startTestServer({ prefix: "talknotes-avatar-" }));
  const { getPrisma } = await import("../../server/db/prisma");
  const first = await importPanel();
  conference = first.conference.slug;
  published = first.session.slug;
  await publishWithAuthors(conference, published, ["Kim Note"]);
  await seedAccount({ name: "Admin Person" });
  const kim = await seedAccount({ name: "Kim Note", conferenceId: first.conference.id, role: "editor" });
  await getPrisma().user.update({ where: { id: kim.id }, data: { bio: "Ops at Harbour." } });
  cookie = await sessionCookie(kim.email);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("uploading an avatar", () => {
  let firstUrl = "";

  it("stores a metadata-free square WebP and shows it in the About box and exports", async () => {
    const res = await upload(await photoWithGps(1200, 800));
    expect(res.status, await res.clone().text()).toBe(200);
    const profile = (await res.json()) as { avatarUrl: string };
    expect(profile.avatarUrl).toMatch(new RegExp(`^${server.url}/avatars/[0-9a-f]{64}\\.webp$`));
    firstUrl = profile.avatarUrl;

    const file = await fetch(profile.avatarUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
    expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await file.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
    expect(hasGpsIfd(meta.exif)).toBe(false);
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from(PHOTO_CAMERA_MAKE))).toBe(false);

    const page = await (await fetch(`${server.url}/c/${conference}/${published}`)).text();
    expect(page).toContain(`<img class="avatar" src="${profile.avatarUrl}"`);
    const { exportConference } = await import("../../server/data/export-conference");
    const [md] = await exportConference({ conferenceSlug: conference, sessionSlug: published, to: "md" });
    expect(md!.content).toContain(`author_avatar: "${profile.avatarUrl}"`);
  });

  it("refuses SVG, polyglots and oversized files, like session photos", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    const zipEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ["svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>', /SVG/],
      ["png + html", Buffer.concat([png, Buffer.from("<html><script>alert(1)</script></html>")]), /not only an image/],
      ["jpeg + zip", Buffer.concat([jpeg, zipEnd]), /not only an image/],
      [
        "gif header, js body",
        Buffer.from("GIF89a/*\x00\x00*/=alert(1);//<script src=x></script>"),
        /not only an image/,
      ],
    ];
    for (const [name, body, message] of cases) {
      const res = await upload(body);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: string }).error, name).toMatch(message);
    }
    const { IMAGE_LIMITS } = await import("../../lib/images/image-limits");
    const big = Buffer.alloc(IMAGE_LIMITS.maxUploadBytes + 1, 0);
    big.set([0xff, 0xd8, 0xff], 0);
    expect((await upload(big)).status).toBe(413);
    // Nothing refused replaced the avatar.
    const { getPrisma } = await import("../../server/db/prisma");
    expect((await getPrisma().user.findFirstOrThrow({ where: { name: "Kim Note" } })).avatarUrl).toBe(firstUrl);
  });

  it("refuses an anonymous upload and a cross-site one", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3c3" } })
      .png()
      .toBuffer();
    expect((await upload(png, { origin: server.url })).status).toBe(401);
    expect((await upload(png, { cookie, origin: "https://evil.example" })).status).toBe(403);
  });

  it("a new upload replaces the old file; removing it clears the profile's avatar", async () => {
    const png = await sharp({ create: { width: 300, height: 500, channels: 3, background: "#36c" } })
      .png()
      .toBuffer();
    const res = await upload(png);
    const { avatarUrl } = (await res.json()) as { avatarUrl: string };
    expect(avatarUrl).not.toBe(firstUrl);
    expect((await fetch(firstUrl)).status).toBe(404);
    expect((await fetch(avatarUrl)).status).toBe(200);
    expect(await (await fetch(`${server.url}/c/${conference}/${published}`)).text()).toContain(avatarUrl);

    const removed = await fetch(`${server.url}/api/account/avatar`, {
      method: "DELETE",
      headers: { cookie, origin: server.url },
    });
    expect(((await removed.json()) as { avatarUrl: string | null }).avatarUrl).toBeNull();
    expect((await fetch(avatarUrl)).status).toBe(404);
    expect(await (await fetch(`${server.url}/c/${conference}/${published}`)).text()).not.toContain("/avatars/");
  });
});
