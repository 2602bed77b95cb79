import { IMAGE_FALLBACK, imageFileName } from "./image-file-name";
import { imageVariants } from "./image-variants";

/** What an `<img>` needs to show a stored photo responsively. */
export interface ImageSources {
  /** The JPEG fallback (for readers without `srcset` or WebP). */
  src: string;
  /** WebP variants with their real widths. */
  srcset: string;
  sizes: string;
}

/** The photo's column is at most 48rem wide (the reading measure); on phones, the screen. */
const SIZES = "(min-width: 52rem) 48rem, 100vw";

/**
 * `src`/`srcset`/`sizes` for a photo `width` pixels wide whose variants are
 * reachable as `base + imageFileName(...)` (base ends with "/": the serve
 * route of its session, or an exported page bundle's folder).
 */
export function imageSources(base: string, hash: string, width: number): ImageSources {
  return {
    src: base + imageFileName(hash, IMAGE_FALLBACK),
    srcset: imageVariants(width)
      .map((v) => `${base}${imageFileName(hash, v.name)} ${v.width}w`)
      .join(", "),
    sizes: SIZES,
  };
}
