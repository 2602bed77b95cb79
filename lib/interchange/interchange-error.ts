/** Why a document was refused; stable, safe to branch on. */
export const INTERCHANGE_ERROR_CODES = [
  /** Not a JSON object, or `format` is missing or not exactly `talknotes/1`. */
  "unsupported_format",
  /** A field is missing, has the wrong type or an invalid value. */
  "invalid_document",
  /** Two people share an id. */
  "duplicate_person_id",
  /** A block refers to a person id that is not in `people`. */
  "unknown_person",
  /** Blocks are nested deeper than readers are willing to walk. */
  "too_deep",
] as const;
export type InterchangeErrorCode = (typeof INTERCHANGE_ERROR_CODES)[number];

/** One problem found in a document, located by a JSONPath-like path (`$.blocks[2].speaker`). */
export interface InterchangeIssue {
  path: string;
  message: string;
}

/** How many issues are spelled out in the message; the rest stay on `issues`. */
const ISSUES_IN_MESSAGE = 3;

/**
 * A `talknotes/1` document was refused. `code` says why (the first kind of
 * problem found), `issues` lists every problem of that kind, and the message
 * names the paths of the first few so a person can fix the file.
 */
export class InterchangeError extends Error {
  override readonly name = "InterchangeError";
  readonly code: InterchangeErrorCode;
  readonly issues: readonly InterchangeIssue[];

  constructor(code: InterchangeErrorCode, issues: readonly InterchangeIssue[]) {
    const shown = issues.slice(0, ISSUES_IN_MESSAGE).map((i) => `${i.path}: ${i.message}`);
    const more = issues.length > ISSUES_IN_MESSAGE ? ` (and ${issues.length - ISSUES_IN_MESSAGE} more)` : "";
    super(`Invalid talknotes/1 document (${code}): ${shown.join("; ")}${more}`);
    this.code = code;
    this.issues = issues;
  }
}
