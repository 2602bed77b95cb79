// Found from its extension backwards: `([A-Za-z][\w-]*\.(?:jpe?g|...))$` tried from every letter of a long
// word rescans the word each time (quadratic: seconds on a 100 KB line).
const EXTENSION_AT_END = /\.(?:jpe?g|png|gif|webp)$/i;

/**
 * Removes an image file name that copying from a blog glued onto the end of a
 * line: "...openstoragepod.org)NewImage.jpg". Only a name stuck directly to
 * closing punctuation is removed; "see diagram.png" and "http://host/a.png"
 * are the writer's words and stay. Returns the text and the removed name
 * (null when none).
 */
export function stripGluedImageName(text: string): { text: string; image: string | null } {
  const extension = EXTENSION_AT_END.exec(text);
  if (!extension) return { text, image: null };
  // The name starts at the first letter of the run of word characters before the extension.
  let runStart = extension.index;
  while (runStart > 0 && /[\w-]/.test(text[runStart - 1] as string)) runStart--;
  let start = runStart;
  while (start < extension.index && !/[A-Za-z]/.test(text[start] as string)) start++;
  if (start === extension.index || start === 0 || !/[)\]"'”!?]/.test(text[start - 1] as string))
    return { text, image: null };
  return { text: text.slice(0, start).trimEnd(), image: text.slice(start) };
}
