import type { InterchangeConference, SessionKind } from "../interchange/types";
import { SESSION_KINDS } from "../interchange/types";
import { parseDateLine } from "./parse-date-line";
import { parseFrontMatter } from "./parse-front-matter";
import { splitEventLine } from "./split-event-line";
import type { NoteLine } from "./tokenize-lines";

/** Everything above the notes: where, when, what, who, and the intro. */
export interface NotesHeader {
  conference: Partial<InterchangeConference>;
  title: string | null;
  /** Kind stated in front matter; otherwise decided later from the people and title. */
  kind: SessionKind | null;
  intro: string;
  /** Index in the lines where the notes themselves begin. */
  bodyStart: number;
}

const POST_TITLE = /^((?:talk|session|live|conference)\s+notes?|notes)\s*:\s*(.+?)(?:\s*\((#[^()]+)\))?$/i;
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;
/** Plain lines that already belong to the notes: questions, tips, asides, quotes. */
const BODY_LINE = /^(?:(?:question|q)\s*[:;]|>|(?:pro\s+)?tip\s*[:\-–]|\(.*\)$|[\p{L} .'-]{1,40}:\s*["“])/iu;

/**
 * Reads the header of a notes post, in either form:
 * - the blog copy: chrome ("Friday", "Jun252010"), `Talk notes: Title (#tag)`,
 *   the event line with a glued logo name, a date line, the intro, the title
 *   again, the panel list (`Name, Company (note)`), `Moderator: ...`;
 * - Markdown: front matter (title, event/conference, location, date, hashtag,
 *   kind), `# Title`, intro paragraphs, `Panelists:` / `Speakers:` with a
 *   list or inline names, `Moderator: ...`.
 * People lists are found before this runs (findPeopleLines, wherever they
 * are) and their lines arrive blank. The header ends at the first bullet,
 * the first `##` heading, or the first plain line that reads as notes (a
 * question, `>` quote, tip, aside or attributed quote). Unrecognised lines
 * are intro paragraphs, so nothing above the notes is lost.
 */
export function readHeader(
  lines: readonly NoteLine[],
  toText: (raw: string) => string,
  knownEventNames: readonly string[],
  /** True for `Name: …` lines by a listed person: notes, even unquoted. */
  isAttributed: (text: string) => boolean = () => false,
): NotesHeader {
  const header: NotesHeader = { conference: {}, title: null, kind: null, intro: "", bodyStart: lines.length };
  const conf = header.conference;
  const paragraphs: string[][] = [];
  let paragraph: string[] = [];
  let eventSeen = false;
  let dateFromWidget = false;
  let titleTentative = false;

  const front = parseFrontMatter(lines.map((l) => l.text));
  let i = 0;
  if (front) {
    const f = front.fields;
    const post = POST_TITLE.exec(f.title ?? "");
    header.title = post ? (post[2] as string) : f.title || null;
    // A title that is not in the "Talk notes: ..." shape may be a whole post title; a bold title line may correct it.
    titleTentative = !post;
    if (post) conf.titleTemplate = `${post[1]}: {title}${post[3] ? " ({hashtag})" : ""}`;
    if (post?.[3]) conf.hashtag = post[3];
    conf.name = f.event || f.conference || undefined;
    conf.location = f.location || f.place || undefined;
    conf.startsOn = parseDateLine(f.date ?? f.startson ?? f.starts_on ?? "") ?? undefined;
    conf.hashtag = f.hashtag || conf.hashtag;
    const kind = (f.kind ?? f.type ?? "").toLowerCase();
    header.kind = (SESSION_KINDS as readonly string[]).includes(kind) ? (kind as SessionKind) : null;
    i = front.bodyStart;
  }

  const closeParagraph = () => {
    if (paragraph.length) paragraphs.push(paragraph);
    paragraph = [];
  };

  for (; i < lines.length; i++) {
    const line = lines[i] as NoteLine;
    if (line.blank) {
      closeParagraph();
      continue;
    }
    const text = toText(line.text);

    if (line.heading > 0) {
      closeParagraph();
      if (line.heading >= 2) break;
      const post = POST_TITLE.exec(text);
      header.title ??= post ? (post[2] as string) : text;
      if (post?.[3]) conf.hashtag ??= post[3];
      continue;
    }
    if (line.bullet !== null || isAttributed(text)) break;

    const post = POST_TITLE.exec(text);
    if (post && !header.title) {
      header.title = post[2] as string;
      if (post[3]) conf.hashtag ??= post[3];
      conf.titleTemplate ??= `${post[1]}: {title}${post[3] ? " ({hashtag})" : ""}`;
      closeParagraph();
      continue;
    }
    const date = parseDateLine(text);
    if (date || WEEKDAY.test(text)) {
      // The blog's glued date widget ("Jun252010") gives way to a real date line.
      const widget = /^[A-Za-z]{3}\d/.test(text);
      if (date && (!conf.startsOn || (dateFromWidget && !widget))) {
        conf.startsOn = date;
        dateFromWidget = widget;
      }
      closeParagraph();
      continue;
    }
    if (!eventSeen) {
      const names = [
        ...knownEventNames,
        ...(conf.name ? [conf.name] : []),
        ...(conf.hashtag ? [conf.hashtag.replace(/^#/, "")] : []),
      ];
      const event = splitEventLine(text, names);
      const nextIsDate = parseDateLine(nextText(lines, i, toText)) !== null;
      const knownName = event !== null && !!conf.name && (sameText(text, conf.name) || sameText(event.name, conf.name));
      if (sameText(text, conf.name ?? "\u0000")) {
        eventSeen = true;
        closeParagraph();
        continue;
      }
      if (event && (event.image || nextIsDate || knownName)) {
        conf.name ??= event.name;
        if (event.location) conf.location ??= event.location;
        eventSeen = true;
        closeParagraph();
        continue;
      }
    }
    if (titleTentative && /^\*\*[^*]+\*\*$/.test(line.text)) {
      header.title = text;
      titleTentative = false;
    }
    if (header.title && sameText(text, header.title)) {
      closeParagraph();
      continue;
    }
    if (!header.title && isTitleCandidate(text)) {
      header.title = text;
      closeParagraph();
      continue;
    }
    if (BODY_LINE.test(text)) break;
    paragraph.push(text);
  }
  closeParagraph();
  header.bodyStart = i;
  header.intro = paragraphs.map((p) => p.join("\n")).join("\n\n");
  return header;
}

function nextText(lines: readonly NoteLine[], i: number, toText: (raw: string) => string): string {
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j] as NoteLine;
    if (!line.blank) return toText(line.text);
  }
  return "";
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/** A short line that does not end like a sentence. */
function isTitleCandidate(text: string): boolean {
  // Length first: `/["”'’)\]]+$/` is retried from every quote of a long run (quadratic on a 100 KB line).
  if (text.length > 120) return false;
  const bare = text.replace(/["”'’)\]]+$/, "");
  return text.split(/\s+/).length <= 14 && !/[.!?:,;]$/.test(bare);
}
