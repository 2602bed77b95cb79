import type { ImageBlock } from "../interchange/types";
import { escapeHtml } from "../export/escape-html";
import { textToHtml } from "../export/text-to-html";
import { IMAGE_HASH_PATTERN } from "./image-file-name";
import { imageSources } from "./image-sources";

/**
 * A photo block as HTML: a `<figure>` with a responsive, lazy-loaded `<img>`
 * (WebP `srcset`, JPEG `src`, width and height so the page reserves its box
 * before it loads) and the caption. `base` is where its files are (ending in
 * "/"); with none (a document rendered away from any instance), the alt text
 * stands in its place. `base` may instead map each photo's hash to the one
 * file uploaded for it (a blog's media library, which makes its own sizes):
 * a plain `<img>` of that file. Text is escaped; `hash` is checked by the zod
 * schema and again here, so nothing but hex reaches an attribute.
 */
export function renderImageFigure(
  block: ImageBlock,
  base: string | ReadonlyMap<string, string> | null,
  attrs = "",
): string {
  const caption = block.caption.trim() ? `<figcaption>${textToHtml(block.caption)}</figcaption>` : "";
  const url = typeof base === "string" ? null : base?.get(block.hash);
  if (!base || url === undefined || !IMAGE_HASH_PATTERN.test(block.hash)) {
    return `<figure class="photo"${attrs}><p class="photo-missing">[Photo${block.alt.trim() ? `: ${escapeHtml(block.alt)}` : ""}]</p>${caption}</figure>`;
  }
  let source = `src="${escapeHtml(url ?? "")}"`;
  if (typeof base === "string") {
    const { src, srcset, sizes } = imageSources(base, block.hash, block.width);
    source = `src="${escapeHtml(src)}" srcset="${escapeHtml(srcset)}" sizes="${sizes}"`;
  }
  return (
    `<figure class="photo"${attrs}><img ${source}` +
    ` width="${Math.round(block.width)}" height="${Math.round(block.height)}" alt="${escapeHtml(block.alt)}" loading="lazy" decoding="async">${caption}</figure>`
  );
}
