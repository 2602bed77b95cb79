/** Names of the stored variants of a photo besides the `w<width>` WebP ones. */
export const IMAGE_ORIGINAL = "original";
export const IMAGE_FALLBACK = "fallback";

/** A sha-256 in lower-case hex, as photos are named. */
export const IMAGE_HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The file name of one variant of a photo, used in served URLs and in
 * exported sites alike: `<hash>-w960.webp`, `<hash>-fallback.jpg`,
 * `<hash>-original` (the original's format varies; it is served with its
 * content type).
 */
export function imageFileName(hash: string, variant: string): string {
  if (variant === IMAGE_ORIGINAL) return `${hash}-${variant}`;
  return `${hash}-${variant}.${variant === IMAGE_FALLBACK ? "jpg" : "webp"}`;
}

/** The hash and variant named by a file name from {@link imageFileName}, or null. */
export function parseImageFileName(file: string): { hash: string; variant: string } | null {
  const match = /^([0-9a-f]{64})-(original|fallback|w\d{2,4})(?:\.(?:jpg|webp))?$/.exec(file);
  if (!match || imageFileName(match[1]!, match[2]!) !== file) return null;
  return { hash: match[1]!, variant: match[2]! };
}
