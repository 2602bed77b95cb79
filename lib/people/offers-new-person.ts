/**
 * Whether the `@` menu offers to add what was typed as a new person when no
 * known person matches it: one word of two or more letters ("@israel"), or
 * several words that each start with a capital, as names are written
 * ("@Curtis Andrews", "@Ana de la Torre" with its particles). Anything else of
 * several words ("@jo said it") is the note-taker's running text, so the menu
 * closes and Enter goes back to splitting the line instead of adding
 * "Jo Said It" to the session.
 */
export function offersNewPerson(typed: string): boolean {
  const words = typed.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0 || typed.trim().length < 2) return false;
  if (words.length === 1) return true;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  // Lower-case particles (de, van, von, da, al, bin…) are fine between capitalised words.
  return (
    /^\p{Lu}/u.test(words[0]!) && /^\p{Lu}/u.test(words.at(-1)!) && capitalised.length >= Math.ceil(words.length / 2)
  );
}
