import { IMAGE_FALLBACK } from "../../lib/images/image-file-name";
import { photosOf } from "../../lib/interchange/photos-of";
import type { Block, ImageBlock } from "../../lib/interchange/types";
import type { ImageStore, StoredVariant } from "../images/image-store";
import type { PublishedMediaFile } from "./publisher";

/**
 * The blog addresses of a session's photos, by hash, for its post's body.
 * Each photo is uploaded once per blog: `media` holds the files the blog
 * already has (a photo shown twice is found there the second time) and gets
 * the ones `upload` adds. What is uploaded is the JPEG fallback, which every
 * blog accepts; a photo the session does not hold is left out, and the body
 * shows its alt text, as in every export.
 */
export async function uploadDocumentPhotos(
  blocks: readonly Block[],
  sessionId: string,
  store: ImageStore,
  media: Map<string, PublishedMediaFile>,
  upload: (photo: ImageBlock, bytes: StoredVariant) => Promise<PublishedMediaFile>,
): Promise<Map<string, string>> {
  const imageUrls = new Map<string, string>();
  for (const photo of photosOf(blocks)) {
    let file = media.get(photo.hash);
    if (!file) {
      const bytes = await store.variant(sessionId, photo.hash, IMAGE_FALLBACK);
      if (!bytes) continue;
      file = await upload(photo, bytes);
      media.set(photo.hash, file);
    }
    imageUrls.set(photo.hash, file.url);
  }
  return imageUrls;
}
