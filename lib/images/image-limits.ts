/**
 * Caps on photos in the notes (ARCHITECTURE.md, "Photos"), shared by the upload route, the
 * editor (which refuses early, before queueing) and docs/SECURITY.md.
 */
export const IMAGE_LIMITS = {
  /** Bytes of one uploaded file (a phone's full-resolution JPEG is 3–12 MB). */
  maxUploadBytes: 20 * 1024 * 1024,
  /** Decoded pixels of one upload: refuses decompression bombs before they are decoded. */
  maxInputPixels: 60_000_000,
  /** The stored original's longest edge; larger photos are scaled down once, on upload. */
  maxStoredEdge: 3200,
  /** Photos per session. */
  maxSessionImages: 300,
  /** Stored bytes (all variants) per session. */
  maxSessionBytes: 250 * 1024 * 1024,
} as const;
