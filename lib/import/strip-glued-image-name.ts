const GLUED = /([A-Za-z][\w-]*\.(?:jpe?g|png|gif|webp))$/i;

/**
 * Removes an image file name that copying from a blog glued onto the end of a
 * line: "...openstoragepod.org)NewImage.jpg". Only a name stuck directly to
 * closing punctuation is removed; "see diagram.png" and "http://host/a.png"
 * are the writer's words and stay. Returns the text and the removed name
 * (null when none).
 */
export function stripGluedImageName(text: string): { text: string; image: string | null } {
  const m = GLUED.exec(text);
  if (!m || m.index === 0 || !/[)\]"'”!?]/.test(text[m.index - 1] as string)) return { text, image: null };
  return { text: text.slice(0, m.index).trimEnd(), image: m[1] as string };
}
