/** Letters that NFKD leaves whole but people type without the accent. */
const FOLDS: Record<string, string> = { ß: "ss", ø: "o", ł: "l", đ: "d", ð: "d", æ: "ae", œ: "oe", þ: "th", ı: "i" };

/**
 * Normalizes text for matching: lowercase, diacritics stripped (NFKD),
 * apostrophes and dots dropped so "O'Brien" is "obrien" and "J.R." is "jr",
 * every other run of punctuation or space collapsed to one space.
 * "José Ñúñez-Smith" becomes "jose nunez smith".
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßøłđðæœþı]/g, (c) => FOLDS[c] ?? c)
    .replace(/['’ʼ`.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
