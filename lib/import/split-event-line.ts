/** An event header line split into the event name and where it happens. */
export interface EventLine {
  name: string;
  location: string | null;
  /** The image file name that was glued into the line, if any. */
  image: string | null;
}

// The extension is found first and its stem walked back by hand: `([A-Za-z0-9_-]*)\.(?:jpe?g|...)` tried
// from every position of a long word rescans it each time (quadratic: seconds on a 100 KB line).
const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|svg)/i;

/**
 * Splits the blog's event header, where the logo's file name is glued between
 * the event name and the place: "DevOps Daydevopslogo.jpgSanta Clara, CA".
 *
 * The glued word is ambiguous ("Day" + "devopslogo"), so the split prefers a
 * name the caller already knows (the conference name or the hashtag's text),
 * then a file name that repeats the event's first word in lowercase
 * ("devops..."), then a word like "logo" or "banner", then the last
 * capitalised chunk. Without an image, a
 * "Name, City, Region" line splits at the first comma. Returns null when the
 * line has neither shape.
 */
export function splitEventLine(text: string, knownNames: readonly string[] = []): EventLine | null {
  const line = text.trim();
  const image = findImageName(line);
  if (!image) {
    const m = /^([^,]{2,60}),\s*(.{2,80})$/.exec(line);
    return m ? { name: (m[1] as string).trim(), location: (m[2] as string).trim(), image: null } : null;
  }
  const glued = line.slice(0, image.end);
  const location = line.slice(image.end).trim() || null;
  const name = nameBeforeImage(glued, image.stemEnd, knownNames);
  return { name, location, image: glued.slice(name.length).trim() };
}

/** The first image file name in the line ("devopslogo.jpg"): where its stem ends and where the name ends. */
function findImageName(line: string): { stemEnd: number; end: number } | null {
  const extension = IMAGE_EXTENSION.exec(line);
  if (!extension) return null;
  return { stemEnd: extension.index, end: extension.index + extension[0].length };
}

function nameBeforeImage(glued: string, stemEnd: number, knownNames: readonly string[]): string {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  for (const known of knownNames) {
    const k = known.trim();
    if (k && glued.toLowerCase().startsWith(k.toLowerCase())) return glued.slice(0, k.length).trim();
  }
  const lastSpace = glued.lastIndexOf(" ", stemEnd) + 1;
  const firstWord = squash(glued.split(/\s+/)[0] ?? "");
  for (let cut = lastSpace + 1; cut < stemEnd; cut++) {
    const stem = glued.slice(cut, stemEnd);
    if (firstWord.length >= 3 && stem.startsWith(firstWord)) return glued.slice(0, cut).trim();
  }
  // Then a word image names are usually made of ("Eventbanner.gif").
  const word = glued.slice(lastSpace, stemEnd);
  const imageWord = /(?:logo|banner|header|image|img|photo|pic|icon)/i.exec(word.slice(1));
  if (imageWord) return glued.slice(0, lastSpace + 1 + imageWord.index).trim();
  // Last resort: the stem starts where the last capitalised chunk ends.
  const chunk = /^\p{Lu}\p{Ll}*/u.exec(word);
  return glued.slice(0, lastSpace + (chunk ? chunk[0].length : 0)).trim();
}
