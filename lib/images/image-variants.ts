/** Target widths of the WebP variants offered in `srcset`. */
export const IMAGE_VARIANT_WIDTHS = [480, 960, 1600] as const;

/** One resized WebP variant: its stored name and its real width. */
export interface ImageVariantSize {
  name: `w${number}`;
  width: number;
}

/**
 * The WebP variants stored for an image `width` pixels wide: one per target
 * width, never enlarged, and none twice at the same size (a 700 px photo has
 * w480 at 480 px and w960 at 700 px). The server stores exactly these and
 * every page builds its `srcset` from them, so no lookup is needed.
 */
export function imageVariants(width: number): ImageVariantSize[] {
  const out: ImageVariantSize[] = [];
  for (const target of IMAGE_VARIANT_WIDTHS) {
    const actual = Math.max(1, Math.min(target, Math.round(width)));
    if (out.at(-1)?.width !== actual) out.push({ name: `w${target}`, width: actual });
    if (actual === Math.round(width)) break;
  }
  return out;
}
