/** Lowercase words allowed inside a name ("Ludwig van Beethoven", "Ana de la Cruz"). */
const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "da",
  "di",
  "du",
  "le",
  "la",
  "bin",
  "al",
  "ter",
  "ten",
  "y",
  "e",
  "dos",
  "das",
]);
/**
 * Capitalised words that appear in talk titles and headings but (almost) never
 * in names: a line with one of them is a title ("Shipping Without Fear",
 * "Observability In Practice"), not a person.
 */
const TITLE_WORDS = new Set(
  (
    "the of and or for to in on with that this it we us without at an is are be how why what when where who your our my their its not no vs " +
    "from by into about beyond over under after before via using through than is do does can will new all one two three " +
    "talk talks session panel notes keynote workshop lightning ignite intro introduction track q&a"
  ).split(" "),
);
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const INITIAL = /^\p{Lu}\.?$/u;
/** CJK names are written without spaces (王小明) or as family and given name (山田 太郎). */
const CJK_WORD = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}ー・]{1,6}$/u;

/**
 * True when `text` looks like a person's name: two to five capitalised words
 * (lowercase particles and middle initials allowed, first and last word
 * capitalised, no title words, no digits, no all-capital words), or a CJK
 * name of two to six characters. Each regular expression sees one short
 * word, so this is linear in the input.
 */
export function isPersonName(text: string): boolean {
  const name = text.trim();
  if (!name || name.length > 60) return false;
  const words = name.split(/\s+/);
  if (words.every((w) => CJK_WORD.test(w))) {
    const letters = words.join("").length;
    return words.length <= 2 && letters >= 2 && letters <= 6;
  }
  if (words.length < 2 || words.length > 5) return false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const edge = i === 0 || i === words.length - 1;
    if (TITLE_WORDS.has(word.toLowerCase()) && !PARTICLES.has(word.toLowerCase())) return false;
    if (INITIAL.test(word)) {
      if (i === words.length - 1 && !word.endsWith(".")) return false;
      continue;
    }
    if (!CAPITALISED.test(word)) {
      if (edge || !PARTICLES.has(word)) return false;
      continue;
    }
    const letters = word.replace(/[^\p{L}]/gu, "");
    if (letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
    // A capital right after a dot inside a word is glued text ("Daydevopslogo.jpgSanta"), not a name.
    if (/\.\p{L}/u.test(word.slice(0, -1))) return false;
  }
  return true;
}
