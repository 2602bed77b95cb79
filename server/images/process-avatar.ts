import { createHash } from "node:crypto";
import sharp from "sharp";
import { processImage } from "./process-image";

/** Side of the stored square avatar in pixels (shown at 64 CSS px; 256 stays sharp at 4x). */
export const AVATAR_SIZE = 256;

/** An avatar ready to store. */
export interface ProcessedAvatar {
  hash: string;
  contentType: "image/webp";
  size: number;
  data: Buffer;
}

/**
 * An uploaded avatar through the photo pipeline (processImage: the same
 * refusals of SVG, polyglots, damaged and oversized files, the same decoding
 * that drops every byte of metadata), then cropped to a centred square of
 * AVATAR_SIZE pixels from its re-encoded original, so nothing of the upload
 * itself is kept.
 */
export async function processAvatar(input: Uint8Array): Promise<ProcessedAvatar> {
  const image = await processImage(input);
  const original = image.variants.find((v) => v.name === "original")!;
  const data = await sharp(original.data)
    .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "centre" })
    .webp({ quality: 82 })
    .toBuffer();
  return { hash: createHash("sha256").update(data).digest("hex"), contentType: "image/webp", size: AVATAR_SIZE, data };
}
