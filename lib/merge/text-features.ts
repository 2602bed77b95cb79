import { normalizeText } from "../people/normalize-text";

/**
 * Words that carry no content in notes ("the", "we", "is"): two wordings of
 * one remark differ mostly in these, so they are left out of the comparison.
 * English only, on purpose: content words of other languages still compare
 * as whole tokens, they just keep their function words.
 */
const STOPWORDS = new Set(
  (
    "a an the and or but if then so of to in on at by for with from as into about over than that this these those it its " +
    "is are was were be been being am do does did done has have had having will would shall should can could may might must " +
    "i me my we us our you your he him his she her they them their there here what which who whom whose when where why how " +
    "not no yes all any some just very really also too more most much many one ones q question answer says said say like " +
    "get got going gonna well ok okay yeah"
  ).split(" "),
);

/** Strips a common English inflection so "deploys", "deploying" and "deployed" compare equal. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("ly")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * The content words of a note, normalised for comparison: lowercase,
 * accents and punctuation gone (lib/people normalizeText), stopwords
 * dropped, light stemming, each word once. Digits stay ("100" is content).
 */
export function textFeatures(text: string): string[] {
  const out = new Set<string>();
  for (const word of normalizeText(text).split(" ")) {
    if (!word || STOPWORDS.has(word)) continue;
    out.add(stem(word));
  }
  return [...out];
}
