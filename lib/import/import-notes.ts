import type {
  Block,
  InterchangeConference,
  InterchangePerson,
  SessionKind,
  TalkNotesDocument,
} from "../interchange/types";
import { INTERCHANGE_FORMAT } from "../interchange/types";
import { walkBlocks } from "../interchange/walk-blocks";
import { instantToWallTime } from "../format/instant-to-wall-time";
import { buildTree } from "./build-tree";
import { classifyBlock } from "./classify-block";
import type { ClassifyContext } from "./classify-context";
import { classifyTalkBullet } from "./classify-talk-bullet";
import { findPeopleLines } from "./find-people-lines";
import type { PeopleLines } from "./find-people-lines";
import { ImportError, MAX_NOTES_BYTES } from "./import-error";
import type { BlockGuess, ImportGuess } from "./import-guess";
import { markdownInlineToText } from "./markdown-inline-to-text";
import { matchSpeaker } from "./match-speaker";
import { MAX_SESSION_PEOPLE } from "./max-session-people";
import { nestFlatAnswers } from "./nest-flat-answers";
import { parseAttribution } from "./parse-attribution";
import { parseFrontMatter } from "./parse-front-matter";
import { PeopleRegistry } from "./people-registry";
import type { NotesHeader } from "./read-header";
import { readHeader } from "./read-header";
import { tokenizeLines } from "./tokenize-lines";
import type { NoteLine } from "./tokenize-lines";

export interface ImportNotesOptions {
  /** What the caller already knows about the conference; wins over what the file says. */
  conference?: Partial<InterchangeConference>;
  /** People already known (e.g. the conference's speakers); used for matching names, kept only when mentioned. */
  knownPeople?: InterchangePerson[];
  /** "auto" (default) treats the text as Markdown when it has front matter or `#` headings. */
  format?: "auto" | "text" | "markdown";
  /**
   * The conference's time zone (default UTC) and, when known, the session's
   * start, for times written at the start of lines (`12:04`, `[00:12:30]`),
   * which become block times. Their day is the session's, else the
   * conference's first day, else a date the notes' header gives; without
   * any day the times stay text.
   */
  times?: { timeZone?: string | null; startsAt?: string | null };
}

export interface ImportNotesResult {
  document: TalkNotesDocument;
  /** Things a person may want to check (guessed people, removed image names), in input order. */
  warnings: string[];
  /**
   * The import report: every guess (people taken from name lines, first-name
   * and typo attributions, talk speakers read from title lines) with its
   * confidence, least sure first. Beside the document, not in it: talknotes/1
   * is unchanged.
   */
  guesses: ImportGuess[];
}

/**
 * Imports plain-text or Markdown talk notes as a `talknotes/1` document.
 *
 * Pipeline: tokenizeLines (indent, bullet, text) -> readHeader (conference,
 * title, intro, panel) -> buildTree (nesting by indentation) -> classifyBlock
 * per node (question, statement, aside, tip, talk, note). Anything not
 * understood is kept as a note, never dropped. Text stays plain: HTML in the
 * notes is kept verbatim for renderers to escape.
 *
 * Throws {@link ImportError} (`empty`, `binary`, `too-large`) for input that
 * is not notes at all; see decodeNotesFile for bytes.
 */
export function importNotes(text: string, options: ImportNotesOptions = {}): ImportNotesResult {
  if (text.length > MAX_NOTES_BYTES)
    throw new ImportError("too-large", "The notes are larger than 5 MB; split them into one file per session.");
  if (text.includes("\u0000"))
    throw new ImportError("binary", "The text contains NUL characters; it looks like a binary file, not notes.");
  const lines = tokenizeLines(text);
  if (lines.every((l) => l.blank)) throw new ImportError("empty", "There is nothing to import: the notes are empty.");

  const markdown = options.format === "markdown" || (options.format !== "text" && looksLikeMarkdown(lines));
  const toText = markdown ? markdownInlineToText : (s: string) => s;
  const knownNames = options.conference?.name ? [options.conference.name] : [];
  // People lists first, wherever they are; their lines are then neither intro nor notes.
  const found = findPeopleLines(lines, toText, parseFrontMatter(lines.map((l) => l.text))?.bodyStart ?? 0);
  const visible = lines.map((l) =>
    found.claimed.has(l.lineNo - 1) ? { ...l, indent: 0, bullet: null, heading: 0, text: "", blank: true } : l,
  );
  const listed = found.people.map((p, i) => ({ id: String(i), name: p.person.name, handle: p.person.handle }));
  const isAttributed = (line: string) => {
    const label = parseAttribution(line)?.label;
    return !!label && matchSpeaker(label, listed) !== null;
  };
  const header = readHeader(visible, toText, knownNames, isAttributed);

  const startsAt = options.times?.startsAt ?? null;
  const timeZone = options.times?.timeZone || "UTC";
  const day =
    (startsAt ? instantToWallTime(new Date(startsAt), timeZone).slice(0, 10) : null) ??
    options.conference?.startsOn ??
    header.conference.startsOn ??
    null;
  const ctx: ClassifyContext = {
    people: new PeopleRegistry(options.knownPeople),
    warnings: [],
    toText,
    guesses: new Map(),
    timeAnchor: { day: day || null, timeZone, startsAt },
  };
  const kind = header.kind ?? decideKind(header, found, visible.slice(header.bodyStart));
  const personGuesses = registerHeaderPeople(found, kind, ctx);

  const tree = nestFlatAnswers(buildTree(visible.slice(header.bodyStart)), ctx);
  const hasSections = tree.some((n) => n.kind === "heading");
  const blocks: Block[] = [];
  for (const node of tree) {
    const block =
      kind === "ignite" && !hasSections && node.kind === "bullet"
        ? classifyTalkBullet(node, ctx)
        : classifyBlock(node, "top", ctx);
    if (block) blocks.push(block);
  }

  if (!header.title) ctx.warnings.unshift('No session title found; using "Untitled session".');
  if (ctx.people.overflowed)
    ctx.warnings.push(`More than ${MAX_SESSION_PEOPLE} people: the names after that stay text.`);
  const conference: InterchangeConference = {
    name: header.conference.name ?? "",
    location: header.conference.location ?? null,
    startsOn: header.conference.startsOn ?? null,
    hashtag: header.conference.hashtag ?? null,
    ...(header.conference.titleTemplate ? { titleTemplate: header.conference.titleTemplate } : {}),
    ...definedOnly(options.conference ?? {}),
  };
  return {
    document: {
      format: INTERCHANGE_FORMAT,
      conference,
      session: { title: header.title ?? "Untitled session", kind, intro: header.intro },
      people: ctx.people.list(),
      blocks,
    },
    warnings: ctx.warnings,
    guesses: [...personGuesses, ...blockGuesses(blocks, ctx.guesses)].sort(
      (a, b) => a.confidence - b.confidence || (a.line ?? 0) - (b.line ?? 0),
    ),
  };
}

/** The block guesses with their paths in the finished document, in document order. */
function blockGuesses(blocks: readonly Block[], guesses: ReadonlyMap<Block, BlockGuess>): ImportGuess[] {
  const out: ImportGuess[] = [];
  walkBlocks(blocks, (b, path) => {
    const guess = guesses.get(b);
    if (guess) out.push({ ...guess, path: [...path] });
  });
  return out;
}

function looksLikeMarkdown(lines: readonly NoteLine[]): boolean {
  return lines[0]?.text === "---" || lines.some((l) => l.heading > 0);
}

/**
 * Panel when there is a moderator or a panel list of two or more; Ignite when
 * the title or intro says Ignite/lightning or the notes are `##` talk
 * sections; otherwise a talk.
 */
function decideKind(header: NotesHeader, found: PeopleLines, body: readonly NoteLine[]): SessionKind {
  const count = (list: string) => found.people.filter((p) => p.list === list).length;
  if (count("moderators") > 0 || count("panelists") >= 2) return "panel";
  if (/\b(ignite|lightning)\b/i.test(`${header.title ?? ""}\n${header.intro}`)) return "ignite";
  if (body.filter((l) => l.heading >= 2).length >= 2) return "ignite";
  return "talk";
}

/**
 * Panelists (or unlabelled lists), then speakers, then moderators: the order
 * a reader introduces them. Returns the report's entry for each.
 */
function registerHeaderPeople(found: PeopleLines, kind: SessionKind, ctx: ClassifyContext): ImportGuess[] {
  const listedRole = kind === "panel" ? "panelist" : "speaker";
  const roles = { panelists: listedRole, speakers: "speaker", moderators: "moderator" } as const;
  const guesses: ImportGuess[] = [];
  for (const list of ["panelists", "speakers", "moderators"] as const) {
    for (const p of found.people) {
      if (p.list !== list) continue;
      const person = ctx.people.add({ ...p.person, role: roles[list] });
      if (!person) continue;
      const company = p.person.affiliation ? ` (${p.person.affiliation})` : "";
      guesses.push({
        kind: "person",
        confidence: p.confidence,
        message: `Line ${p.lineNo}: ${p.person.name}${company} read as ${roles[list]}, ${p.reason}.`,
        personId: person.id,
        path: null,
        line: p.lineNo,
      });
    }
  }
  return guesses;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
