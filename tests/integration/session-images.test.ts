import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasGpsIfd } from "../support/has-gps-ifd";
import { PHOTO_CAMERA_MAKE, photoWithGps } from "../support/photo-with-gps";
import type { RunningServer } from "../support/server-process";
import { startSeededServer } from "../support/seeded-server";

/**
 * ARCHITECTURE.md, "Photos": photos uploaded through the real route, processed by sharp,
 * stored in SQLite and served back. Metadata never survives, non-images and
 * polyglots are refused, access follows the session, the caps hold.
 */
let server: RunningServer;
let token: string;
let viewerToken: string;
let session: { id: string; slug: string };

beforeAll(async () => {
  const started = await startSeededServer({ prefix: "talknotes-images-" });
  ({ server, token } = started);
  const { seeded } = started;
  const { getPrisma } = await import("../../server/db/prisma");
  const { createAccessToken } = await import("../../server/auth/access-tokens");
  session = seeded.session;
  const viewer = await getPrisma().user.create({
    data: { id: "viewer-1", name: "Viewer", email: "viewer@images.test" },
  });
  await getPrisma().membership.create({
    data: { userId: viewer.id, conferenceId: seeded.conference.id, role: "viewer" },
  });
  viewerToken = (await createAccessToken(viewer.id, { name: "viewer" })).token;
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

function upload(body: Uint8Array | string, auth: string | null = token): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (auth) headers.authorization = `Bearer ${auth}`;
  return fetch(`${server.url}/api/sessions/${session.id}/images`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

function get(file: string, auth: string | null = null): Promise<Response> {
  return fetch(`${server.url}/api/sessions/${session.id}/images/${file}`, {
    headers: auth ? { authorization: `Bearer ${auth}` } : {},
  });
}

async function storedVariants(hash: string) {
  const { getPrisma } = await import("../../server/db/prisma");
  return getPrisma().imageVariant.findMany({ where: { sessionId: session.id, hash } });
}

describe("session photos", () => {
  let hash: string;

  it("stores a phone JPEG upright with no EXIF, GPS or XMP in any variant", async () => {
    const photo = await photoWithGps(1200, 800);
    expect(hasGpsIfd((await sharp(photo).metadata()).exif)).toBe(true);
    const res = await upload(photo);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { hash: string; width: number; height: number; placeholder: string };
    hash = body.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Orientation 6: stored 1200 x 800 sideways, shown 800 x 1200.
    expect([body.width, body.height]).toEqual([800, 1200]);
    expect(body.placeholder).toMatch(/^data:image\/webp;base64,/);
    const variants = await storedVariants(hash);
    expect(variants.map((v) => v.name).sort()).toEqual(["fallback", "original", "w480", "w960"]);
    for (const variant of variants) {
      const data = Buffer.from(variant.data);
      const meta = await sharp(data).metadata();
      expect(meta.exif, variant.name).toBeUndefined();
      expect(meta.xmp, variant.name).toBeUndefined();
      expect(meta.iptc, variant.name).toBeUndefined();
      expect(hasGpsIfd(meta.exif)).toBe(false);
      expect(data.includes(PHOTO_CAMERA_MAKE), variant.name).toBe(false);
      expect(data.includes("Exif\0\0"), variant.name).toBe(false);
      expect(meta.orientation ?? 1).toBe(1);
      expect(meta.height! > meta.width!, `${variant.name} is upright`).toBe(true);
    }
  });

  it("stores the same photo once (content-addressed)", async () => {
    const again = (await (await upload(await photoWithGps(1200, 800))).json()) as { hash: string };
    expect(again.hash).toBe(hash);
    const { getPrisma } = await import("../../server/db/prisma");
    expect(await getPrisma().sessionImage.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("refuses SVG, non-images, polyglots and files that only start like an image", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    const zipEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ["svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>', /SVG/],
      ["svg with xml prolog", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', /SVG/],
      ["html", "<html><body>hi</body></html>", /JPEG, PNG, GIF and WebP/],
      ["png + html", Buffer.concat([png, Buffer.from("<html><script>alert(1)</script></html>")]), /not only an image/],
      ["jpeg + zip", Buffer.concat([jpeg, zipEnd]), /not only an image/],
      [
        "gif header, js body",
        Buffer.from("GIF89a/*\x00\x00*/=alert(1);//<script src=x></script>"),
        /not only an image/,
      ],
      ["gif magic, garbage", Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(200, 7)]), /could not be read|not one/],
      ["png magic, jpeg inside", Buffer.concat([png.subarray(0, 8), jpeg.subarray(3)]), /could not be read|not one/],
    ];
    for (const [name, body, message] of cases) {
      const res = await upload(body);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: string }).error, name).toMatch(message);
    }
  });

  it("accepts a GIF as its first frame and a WebP", async () => {
    const gif = await sharp({ create: { width: 64, height: 48, channels: 4, background: "#08f" } })
      .gif()
      .toBuffer();
    const webp = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#0a0" } })
      .webp()
      .toBuffer();
    for (const body of [gif, webp]) {
      const res = await upload(body);
      expect(res.status).toBe(201);
    }
  });

  it("serves a draft's photos to its editors and viewers only; published, to everyone", async () => {
    const anon = await get(`${hash}-w480.webp`);
    expect(anon.status).toBe(404);
    const unknownSession = await fetch(`${server.url}/api/sessions/nope/images/${hash}-w480.webp`);
    expect(unknownSession.status).toBe(404);
    expect(await anon.text()).toBe(await unknownSession.text());

    const editor = await get(`${hash}-w480.webp`, token);
    expect(editor.status).toBe(200);
    expect(editor.headers.get("content-type")).toBe("image/webp");
    expect(editor.headers.get("x-content-type-options")).toBe("nosniff");
    // The route's own sandboxing policy, not the entry point's default frame policy (server/frame-policy.ts).
    expect(editor.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(editor.headers.get("x-frame-options")).toBe("DENY");
    expect(editor.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await editor.arrayBuffer())).metadata()).format).toBe("webp");
    expect((await get(`${hash}-fallback.jpg`, viewerToken)).headers.get("content-type")).toBe("image/jpeg");
    expect((await get(`${hash}-original`, viewerToken)).headers.get("content-type")).toBe("image/jpeg");
    expect((await get(`${hash}-w1600.webp`, token)).status).toBe(404); // never stored for an 800 px photo
    expect((await get(`${hash}-w480.jpg`, token)).status).toBe(404);
    expect((await get(`../${hash}-w480.webp`, token)).status).toBe(404);

    const { getPrisma } = await import("../../server/db/prisma");
    await getPrisma().session.update({ where: { id: session.id }, data: { status: "published" } });
    const published = await get(`${hash}-w960.webp`);
    expect(published.status).toBe(200);
    expect(published.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    await getPrisma().session.update({ where: { id: session.id }, data: { status: "draft" } });
    expect((await get(`${hash}-w960.webp`)).status).toBe(404);
  });

  it("lets only editors upload", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } })
      .png()
      .toBuffer();
    expect((await upload(png, viewerToken)).status).toBe(403);
    expect((await upload(png, null)).status).toBe(404);
  });

  it("holds the size caps: per upload at the route, per session in the store", async () => {
    const { IMAGE_LIMITS } = await import("../../lib/images/image-limits");
    const big = Buffer.alloc(IMAGE_LIMITS.maxUploadBytes + 1, 0);
    big.set([0xff, 0xd8, 0xff], 0);
    const res = await upload(big);
    expect(res.status).toBe(413);

    const { prismaImageStore } = await import("../../server/images/prisma-image-store");
    const { processImage } = await import("../../server/images/process-image");
    const small = prismaImageStore({ maxSessionImages: 4, maxSessionBytes: IMAGE_LIMITS.maxSessionBytes });
    const { getPrisma } = await import("../../server/db/prisma");
    const count = await getPrisma().sessionImage.count({ where: { sessionId: session.id } });
    expect(count).toBe(3);
    const colour = (c: string) =>
      sharp({ create: { width: 20, height: 20, channels: 3, background: c } })
        .png()
        .toBuffer();
    await small.put(session.id, await processImage(await colour("#abcdef")));
    await expect(small.put(session.id, await processImage(await colour("#fedcba")))).rejects.toThrow(
      /at most 4 photos/,
    );
    const tight = prismaImageStore({ maxSessionImages: 100, maxSessionBytes: 1 });
    await expect(tight.put(session.id, await processImage(await colour("#010203")))).rejects.toThrow(/would pass/);
  });

  it("refuses an image claiming more pixels than the cap before decoding it", async () => {
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(20_000, 16); // IHDR width
    bomb.writeUInt32BE(20_000, 20); // IHDR height
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    const res = await upload(bomb);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/could not be read/);
  });
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
