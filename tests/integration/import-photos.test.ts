import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { photoWithGps } from "../support/photo-with-gps";
import { runTalknotes } from "../support/run-talknotes";
import { startTestDatabase } from "../support/test-database";

/**
 * ARCHITECTURE.md, "Photos": `talknotes import-notes` of Markdown notes whose image links name
 * files beside them: each becomes a photo block (processed and stored like an
 * upload), in place; a link without its file, one that climbs out of the
 * notes' folder, or a file that is not an image stays text, with a warning.
 */
const tmp = startTestDatabase({ prefix: "talknotes-import-photos-" }).dir;

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("importing Markdown notes with photos beside them", () => {
  it("turns image links with files into photo blocks and keeps the rest as text", async () => {
    const folder = path.join(tmp, "notes");
    fs.mkdirSync(path.join(folder, "slides"), { recursive: true });
    fs.writeFileSync(path.join(folder, "slides", "deploys.jpg"), await photoWithGps(900, 600));
    fs.writeFileSync(path.join(folder, "slides", "fake.jpg"), "<svg onload=alert(1)></svg>");
    fs.writeFileSync(
      path.join(tmp, "outside.png"),
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    );
    const notes = [
      "# Shipping On Fridays",
      "",
      "Panel: Amara Okafor (Tidewater Labs); Bruno Castellanos (Quayside Bank)",
      "",
      "- Should we deploy on Fridays at all?",
      "  - Amara: small batches make Fridays boring",
      "- ![Deploys per weekday](slides/deploys.jpg)",
      "- ![Missing slide](slides/missing.jpg)",
      "- ![Escape](../outside.png)",
      "- ![Not a photo](slides/fake.jpg)",
      "",
    ].join("\n");
    fs.writeFileSync(path.join(folder, "notes.md"), notes);

    const result = runTalknotes(["import-notes", path.join(folder, "notes.md"), "--conference", "harbour"], {
      cwd: tmp,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('The photo "slides/missing.jpg" was not given');
    expect(result.stderr).toContain('The photo "../outside.png" was not given');
    expect(result.stderr).toMatch(/The photo "slides\/fake.jpg" was not added: Only JPEG, PNG, GIF and WebP/);

    const { getPrisma } = await import("../../server/db/prisma");
    const session = await getPrisma().session.findFirstOrThrow({
      include: { notes: true, images: { include: { variants: true } } },
    });
    expect(session.images).toHaveLength(1);
    const image = session.images[0]!;
    expect([image.width, image.height]).toEqual([600, 900]); // orientation applied
    for (const v of image.variants) expect((await sharp(Buffer.from(v.data)).metadata()).exif, v.name).toBeUndefined();
    const blocks = JSON.parse(session.notes!.contentJson).blocks as Array<Record<string, unknown>>;
    expect(
      blocks.map((b) => (b.type === "image" ? `image:${String(b.alt)}` : `${String(b.type)}:${String(b.text)}`)),
    ).toEqual([
      "question:Should we deploy on Fridays at all?",
      `image:Deploys per weekday`,
      "note:Missing slide (slides/missing.jpg)",
      "note:Escape (../outside.png)",
      "note:Not a photo (slides/fake.jpg)",
    ]);
    expect(blocks[1]).toMatchObject({ hash: image.hash, width: 600, height: 900, caption: "" });
  });
});
