/**
 * One thing the importer guessed rather than read, with how sure it is. The
 * import report lists them beside the document (talknotes/1 itself carries no
 * confidences): the Import dialog shows the least sure first, and
 * `talknotes convert` prints the unsure ones as warnings.
 */
export interface ImportGuess {
  /** person: someone taken from a name line or added as audience; attribution / asker / talk-speaker: who a block is by. */
  kind: "person" | "attribution" | "asker" | "talk-speaker";
  /** 0..1. Below {@link UNSURE_CONFIDENCE} a person should look at it. */
  confidence: number;
  /** What was guessed and why, in words. */
  message: string;
  /** The person the guess is about, by id in the document. */
  personId: string | null;
  /** The guessed block: indices through `blocks`, then `answers` / `children`; null for people. */
  path: number[] | null;
  /** 1-based input line, when known. */
  line: number | null;
}

/** A guess about a block, before its path in the finished document is known. */
export type BlockGuess = Omit<ImportGuess, "path">;

/** Guesses below this are printed as warnings and flagged in the Import dialog. */
export const UNSURE_CONFIDENCE = 0.8;
