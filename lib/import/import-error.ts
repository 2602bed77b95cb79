/** Why a notes file could not be imported at all. */
export type ImportErrorCode = "empty" | "binary" | "invalid-utf8" | "too-large";

/**
 * The one error the notes importer throws: input it refuses outright, with a
 * code callers map to a response (HTTP status, CLI exit) and a message a
 * person can act on. Anything merely odd is imported and reported as a warning.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Largest notes file accepted, in bytes (and characters for text input). */
export const MAX_NOTES_BYTES = 5 * 1024 * 1024;
