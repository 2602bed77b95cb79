import { describe, expect, it } from "vitest";
import { notesToInterchange } from "../schema/notes-to-interchange";
import { interchangeToNotes } from "../schema/interchange-to-notes";
import { renderReaderNotes } from "../reader/render-reader-notes";
import { renderMarkdownBody } from "../export/render-markdown-body";
import { renderJson } from "../export/render-json";
import { renderStaticSite } from "../export/render-static-site";
import { parseInterchange } from "../interchange/parse-interchange";
import { findPolyglotMarker } from "./find-polyglot-marker";
import { imageFileName, parseImageFileName } from "./image-file-name";
import { imageVariants } from "./image-variants";
import { sniffImageType } from "./sniff-image-type";
import type { TalkNotesDocument } from "../interchange/types";

const HASH = "a".repeat(64);
const meta = {
  conference: { name: "Conf", location: null, startsOn: null },
  session: { title: "T", kind: "talk" as const, intro: "" },
  people: [],
};

describe("photo helpers", () => {
  it("never enlarges a variant and never stores one size twice", () => {
    expect(imageVariants(300)).toEqual([{ name: "w480", width: 300 }]);
    expect(imageVariants(700)).toEqual([
      { name: "w480", width: 480 },
      { name: "w960", width: 700 },
    ]);
    expect(imageVariants(960).map((v) => v.width)).toEqual([480, 960]);
    expect(imageVariants(4000).map((v) => v.width)).toEqual([480, 960, 1600]);
  });

  it("names files one way and reads back only those names", () => {
    for (const variant of ["original", "fallback", "w480"])
      expect(parseImageFileName(imageFileName(HASH, variant))).toEqual({ hash: HASH, variant });
    expect(parseImageFileName(`${HASH}-w480.jpg`)).toBeNull();
    expect(parseImageFileName(`${HASH}-original.svg`)).toBeNull();
    expect(parseImageFileName(`../${HASH}-fallback.jpg`)).toBeNull();
  });

  it("knows raster formats by their magic bytes only", () => {
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImageType(new TextEncoder().encode("GIF89a...."))).toBe("gif");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0AVI "))).toBeNull();
  });

  it("finds markup at the start or end of a file, and an appended ZIP", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(findPolyglotMarker(bytes("GIF89a/*<SCRIPT>alert(1)</script>"))).toMatch(/script/);
    expect(findPolyglotMarker(bytes("GIF89a<scripts are fine"))).toBeNull();
    const big = new Uint8Array(300_000);
    big.set(bytes("<svg onload=x>"), 150_000); // the middle is not searched: never served
    expect(findPolyglotMarker(big)).toBeNull();
    big.set(bytes("<html>"), 299_000);
    expect(findPolyglotMarker(big)).toMatch(/html/);
    const zip = new Uint8Array(100);
    zip.set([0x50, 0x4b, 0x05, 0x06], 100 - 22);
    expect(findPolyglotMarker(zip)).toMatch(/ZIP/);
  });
});

describe("image blocks through the document model", () => {
  const doc = {
    type: "doc",
    content: [
      {
        type: "note",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "Slide:" }] },
          { type: "image", attrs: { hash: HASH, alt: "Latency chart", caption: " p99 ", width: 1600, height: 900 } },
        ],
      },
      { type: "image", attrs: { upload: "pending-1", alt: "not yet uploaded" } },
    ],
  };

  it("publishes uploaded photos with trimmed text and leaves pending ones out", () => {
    const out = notesToInterchange(doc, meta);
    expect(out.blocks).toEqual([
      {
        type: "note",
        text: "Slide:",
        children: [{ type: "image", hash: HASH, alt: "Latency chart", caption: "p99", width: 1600, height: 900 }],
      },
    ]);
    expect(parseInterchange(out).blocks).toEqual(out.blocks);
    expect(notesToInterchange(interchangeToNotes(out), meta)).toEqual(out);
  });

  it("renders a responsive, lazy figure with alt and size for readers, escaped", () => {
    const published: TalkNotesDocument = {
      format: "talknotes/1",
      ...meta,
      blocks: [{ type: "image", hash: HASH, alt: 'a "b" <c>', caption: "<i>x</i>", width: 700, height: 350 }],
    };
    const html = renderReaderNotes(published, { personHref: () => null, imageBase: "/api/sessions/s1/images/" });
    expect(html).toContain(`src="/api/sessions/s1/images/${HASH}-fallback.jpg"`);
    expect(html).toContain(
      `srcset="/api/sessions/s1/images/${HASH}-w480.webp 480w, /api/sessions/s1/images/${HASH}-w960.webp 700w"`,
    );
    expect(html).toContain('width="700" height="350" alt="a &quot;b&quot; &lt;c&gt;" loading="lazy"');
    expect(html).toContain("<figcaption>&lt;i&gt;x&lt;/i&gt;</figcaption>");
    expect(renderMarkdownBody(published, { imageBase: "" })).toContain(`![a "b" &lt;c&gt;](${HASH}-fallback.jpg)`);
    expect(renderMarkdownBody(published)).toContain("\\[Photo: a");
  });
});

describe("photos in exports", () => {
  const published: TalkNotesDocument = {
    format: "talknotes/1",
    ...meta,
    session: { ...meta.session, slug: "t" },
    blocks: [
      {
        type: "note",
        text: "See:",
        children: [{ type: "image", hash: HASH, alt: "Chart", caption: "", width: 900, height: 600 }],
      },
    ],
  };

  it("Hugo writes a page bundle with the photo beside the post; Jekyll writes it under assets", () => {
    const hugo = renderStaticSite(published.conference, [published], "hugo");
    expect(hugo.find((f) => f.path === "content/posts/t/index.md")?.content).toContain(
      `![Chart](${HASH}-fallback.jpg)`,
    );
    expect(hugo.find((f) => f.photo)).toEqual({
      path: `content/posts/t/${HASH}-fallback.jpg`,
      content: "",
      photo: { session: 0, hash: HASH, variant: "fallback" },
    });
    const jekyll = renderStaticSite(published.conference, [published, published], "jekyll");
    expect(jekyll.filter((f) => f.photo).map((f) => f.path)).toEqual([`assets/images/${HASH}-fallback.jpg`]);
    expect(jekyll.find((f) => f.path.endsWith("t.md"))?.content).toContain(
      `![Chart](/assets/images/${HASH}-fallback.jpg)`,
    );
  });

  it("JSON links the stored original and still reads back", () => {
    const json = renderJson(published, { imageBase: "https://notes.example/api/sessions/s1/images/" });
    const block = JSON.parse(json).blocks[0].children[0];
    expect(block.src).toBe(`https://notes.example/api/sessions/s1/images/${HASH}-original`);
    expect(parseInterchange(JSON.parse(json)).blocks[0]).toMatchObject({ children: [{ hash: HASH, src: block.src }] });
    expect(JSON.parse(renderJson(published)).blocks[0].children[0].src).toBeUndefined();
  });
});
