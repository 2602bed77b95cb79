/** The raster formats a photo may be uploaded in. */
export type RasterFormat = "jpeg" | "png" | "gif" | "webp";

/**
 * The raster format named by a file's first bytes (magic numbers), or null.
 * SVG, HTML and everything else give null: the upload route refuses them
 * before any decoder sees them.
 */
export function sniffImageType(bytes: Uint8Array): RasterFormat | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return "jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (at(0, 0x47, 0x49, 0x46, 0x38) && (at(4, 0x37, 0x61) || at(4, 0x39, 0x61))) return "gif";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "webp";
  return null;
}
