import type { ProcessedImage } from "./process-image";

/** What a stored photo is, without its bytes. */
export interface StoredImageInfo {
  hash: string;
  width: number;
  height: number;
  placeholder: string;
}

/** One stored variant's bytes, as served. */
export interface StoredVariant {
  contentType: string;
  data: Uint8Array;
}

/**
 * Where a session's photos live. The database store (prisma-image-store.ts)
 * is the one in use, so backups, the PostgreSQL scale-out and exports need
 * nothing else; a file-system store would implement the same three methods.
 */
export interface ImageStore {
  /**
   * Stores a processed photo for a session, or returns it when the session
   * already has these exact bytes (content-addressed: the same photo twice is
   * stored once). Throws too_large past the per-session caps.
   */
  put(sessionId: string, image: ProcessedImage): Promise<StoredImageInfo>;
  /** One variant of a session's photo, or null when the session has no such photo or variant. */
  variant(sessionId: string, hash: string, name: string): Promise<StoredVariant | null>;
  /** Every photo of a session (for exports), without bytes. */
  list(sessionId: string): Promise<StoredImageInfo[]>;
}
