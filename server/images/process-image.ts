import { createHash } from "node:crypto";
import sharp, { type OutputInfo, type Sharp } from "sharp";
import { findPolyglotMarker } from "../../lib/images/find-polyglot-marker";
import { IMAGE_LIMITS } from "../../lib/images/image-limits";
import { IMAGE_VARIANT_WIDTHS, imageVariants } from "../../lib/images/image-variants";
import { type RasterFormat, sniffImageType } from "../../lib/images/sniff-image-type";
import { AppError } from "../../lib/errors/app-error";

// Photos are processed one at a time per process (see `queue`), so libvips'
// operation cache would only hold memory between unrelated uploads.
sharp.cache(false);

/** One stored encoding of a photo. */
export interface ProcessedVariant {
  /** "original", "fallback" or a width variant ("w480", "w960", "w1600"). */
  name: string;
  contentType: string;
  width: number;
  height: number;
  data: Buffer;
}

/** A photo ready to store: everything derived from the upload, nothing of its metadata. */
export interface ProcessedImage {
  /** sha-256 (hex) of the stored original's bytes. */
  hash: string;
  width: number;
  height: number;
  /** A tiny blurred WebP as a data: URI, shown until the photo loads. */
  placeholder: string;
  variants: ProcessedVariant[];
}

const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Decodes an upload and derives what is stored: the original turned upright
 * (EXIF orientation applied) and at most `IMAGE_LIMITS.maxStoredEdge` on its
 * longest edge, WebP variants for `srcset`, a JPEG fallback and a
 * placeholder. Every variant is encoded from decoded pixels, so none carries
 * EXIF, GPS, XMP, IPTC or ICC data (sharp writes metadata only when asked;
 * pixels are converted to sRGB first), and nothing of the uploaded bytes
 * (a hidden payload included) is ever served.
 *
 * Refused with a clear message: anything whose first bytes are not JPEG, PNG,
 * GIF or WebP (SVG included), files hiding markup or an archive (polyglots),
 * files the decoder cannot read whole, more than `maxInputPixels`. A GIF is
 * stored as its first frame (a still PNG): slides are stills, and an animated
 * original would need a second pipeline and player for little use.
 *
 * Runs one photo at a time per process, which bounds the memory libvips
 * needs to one photo's worth however many arrive at once.
 */
export function processImage(input: Uint8Array): Promise<ProcessedImage> {
  const run = queue.then(() => processNow(input));
  queue = run.catch(() => undefined);
  return run;
}

async function processNow(input: Uint8Array): Promise<ProcessedImage> {
  if (input.length > IMAGE_LIMITS.maxUploadBytes) {
    throw new AppError("too_large", `A photo may be at most ${IMAGE_LIMITS.maxUploadBytes / 1024 / 1024} MB`);
  }
  const format = sniffImageType(input);
  if (!format)
    throw new AppError(
      "invalid_input",
      "Only JPEG, PNG, GIF and WebP photos can be added (SVG and other files are refused)",
    );
  const marker = findPolyglotMarker(input);
  if (marker)
    throw new AppError("invalid_input", `This file is not only an image (it contains ${marker}), so it is refused`);

  // Decoded once, upright, bounded, sRGB; every stored file is encoded from these pixels.
  const pixels = await decodeUpright(input, format);
  const raw = (data: Buffer, info: OutputInfo) =>
    sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const original = await encodeOriginal(raw(pixels.data, pixels.info), format);
  // The variants come from one copy shrunk to the largest of them, not from the full-size pixels.
  const largest = await raw(pixels.data, pixels.info)
    .resize({ width: Math.min(IMAGE_VARIANT_WIDTHS.at(-1)!, original.width) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const small = () => raw(largest.data, largest.info);
  const variants: ProcessedVariant[] = [original];
  for (const size of imageVariants(original.width)) {
    const { data, info } = await small()
      .resize({ width: size.width })
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true });
    variants.push({ name: size.name, contentType: "image/webp", width: info.width, height: info.height, data });
  }
  const fallback = await small()
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  variants.push({
    name: "fallback",
    contentType: "image/jpeg",
    width: fallback.info.width,
    height: fallback.info.height,
    data: fallback.data,
  });
  const tiny = await small().resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
  return {
    hash: createHash("sha256").update(original.data).digest("hex"),
    width: original.width,
    height: original.height,
    placeholder: `data:image/webp;base64,${tiny.toString("base64")}`,
    variants,
  };
}

/** The upload's pixels (first frame only): upright, at most `maxStoredEdge`, sRGB. */
async function decodeUpright(input: Uint8Array, format: RasterFormat): Promise<{ data: Buffer; info: OutputInfo }> {
  const pipeline = sharp(input, {
    failOn: "error",
    limitInputPixels: IMAGE_LIMITS.maxInputPixels,
    animated: false,
    pages: 1,
  });
  try {
    const meta = await pipeline.metadata();
    // The decoder must agree with the magic bytes: a file that only starts like a GIF is refused.
    if (meta.format !== format)
      throw new AppError("invalid_input", `This file starts like a ${format.toUpperCase()} but is not one`);
    const edge = IMAGE_LIMITS.maxStoredEdge;
    return await pipeline
      .rotate()
      .resize({ width: edge, height: edge, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw err instanceof AppError ? err : unreadable(err);
  }
}

/** The stored original: the pixels in the upload's own format (a GIF's first frame as PNG). */
async function encodeOriginal(pixels: Sharp, format: RasterFormat): Promise<ProcessedVariant> {
  const kind = format === "jpeg" ? "jpeg" : format === "webp" ? "webp" : "png";
  const encoded =
    kind === "jpeg"
      ? pixels.jpeg({ quality: 88 })
      : kind === "webp"
        ? pixels.webp({ quality: 88 })
        : pixels.png({ compressionLevel: 6 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { name: "original", contentType: CONTENT_TYPES[kind], width: info.width, height: info.height, data };
}

function unreadable(err: unknown): AppError {
  const detail = err instanceof Error && /pixel limit/i.test(err.message) ? " (too many pixels)" : "";
  return new AppError("invalid_input", `This image could not be read${detail}; it may be damaged or not an image`);
}
