import { normalizeText } from "../people/normalize-text";
import { parseAttribution, parseTrailingAttribution } from "./parse-attribution";
import { parseDateLine } from "./parse-date-line";
import { parsePersonLine } from "./parse-person-line";
import type { PersonLine } from "./parse-person-line";
import { parseSpeakerList } from "./parse-speaker-list";
import type { NoteLine } from "./tokenize-lines";

/** The lists a person can be on. */
export type PeopleListKind = "panelists" | "speakers" | "moderators";

/** A person read from a people line, with how sure the importer is that it is a person. */
export interface ListedPerson {
  person: PersonLine;
  list: PeopleListKind;
  /** 0..1; see findPeopleLines for what raises it. */
  confidence: number;
  lineNo: number;
  /** Why it was taken as a person, for the import report. */
  reason: string;
}

export interface PeopleLines {
  /** Everyone found, in line order. */
  people: ListedPerson[];
  /** Indices of the lines that are people lists or their labels; they are not notes or intro text. */
  claimed: Set<number>;
}

const LABEL_ONLY = /^(panel|panelists|panellists|speakers?|presenters?|people|moderators?|hosts?)\s*:?$/i;
const INLINE_LABEL = /^(panel|panelists|panellists|speakers?|presenters?|moderators?|hosts?)\s*:\s*(\S.*)$/i;
const BY_LABEL = /^(moderated|hosted|chaired)\s+by\s+(\S.*)$/i;
const QUESTION_PREFIX = /^(?:questions?|q)\s*[:;.\-–—]\s*/i;

interface Run {
  start: number;
  indent: number;
  bullet: boolean;
  entries: { index: number; person: PersonLine }[];
  label: PeopleListKind | null;
  /** The label line's index, claimed with the run. */
  labelIndex: number | null;
}

/**
 * Finds the people of a session by what their lines look like and where the
 * names are used, anywhere in the notes: before or after the title and intro,
 * or after the notes.
 *
 * - A labelled list (`Panelists:` / `Speakers` / `## Panel` followed by person
 *   lines, or `Moderator: A (X); B`, `Panel: A (X), B (Y)`, `moderated by A`
 *   inline) is taken whole: confidence 0.95.
 * - An unlabelled run of person lines (`Name (Company)`, `Name, Company`,
 *   `Name - Company`, `Name @handle`, mixed; same indentation, no blank line
 *   between) is taken when it is two or more lines before the first note and
 *   some line carries a company or handle, or when its names later attribute
 *   statements (`Alice:`, `— Alice`), wherever the run is. A lone line needs
 *   its name to be used that way, or (confidence 0.55) a company or handle
 *   and a place above the notes (not the very first line: that is the event
 *   or the title). Confidence grows with each kind of evidence.
 * - Nothing inside a `##` talk section is taken (its `Speaker:` line is the
 *   talk's own), and a line right before a date line is the event, not a person.
 *
 * Linear in the input: each line is parsed once, names are compared through a
 * set of the labels used.
 */
export function findPeopleLines(lines: readonly NoteLine[], toText: (raw: string) => string, from = 0): PeopleLines {
  const used = attributionLabels(lines, toText, from);
  const firstNote = firstNoteLine(lines, toText, from);
  // The first line of the notes is the event or the title ("Velocity EU, Berlin"), not a lone speaker.
  let firstText = from;
  while (firstText < lines.length && (lines[firstText] as NoteLine).blank) firstText++;
  const people: ListedPerson[] = [];
  const claimed = new Set<number>();
  let run: Run | null = null;
  let pendingLabel: { kind: PeopleListKind; index: number } | null = null;
  let inTalkSection = false;

  const closeRun = () => {
    if (run) accept(run);
    run = null;
  };
  const accept = (r: Run) => {
    const n = r.entries.length;
    const extras = r.entries.filter((e) => e.person.affiliation || e.person.handle || e.person.note).length;
    const usedCount = r.entries.filter((e) => isUsed(e.person, used)).length;
    const beforeNotes = r.start < firstNote;
    let confidence: number;
    let reason: string;
    if (r.label) {
      confidence = 0.95;
      reason = "listed under a people label";
    } else if (n >= 2 && beforeNotes && (extras > 0 || usedCount > 0)) {
      confidence = Math.min(0.95, 0.7 + (extras * 2 >= n ? 0.1 : 0) + (usedCount > 0 ? 0.15 : 0));
      reason = `one of ${n} name lines above the notes`;
    } else if (usedCount * 2 >= n && usedCount > 0) {
      confidence = n >= 2 ? 0.85 : 0.7;
      reason = "a name line whose name attributes statements";
    } else if (n === 1 && beforeNotes && extras === 1 && r.start > firstText) {
      confidence = 0.55;
      reason = "a lone name line with a company or handle above the notes";
    } else {
      return;
    }
    for (const e of r.entries) {
      claimed.add(e.index);
      const lineNo = (lines[e.index] as NoteLine).lineNo;
      people.push({ person: e.person, list: r.label ?? "panelists", confidence, lineNo, reason });
    }
    if (r.labelIndex !== null) claimed.add(r.labelIndex);
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as NoteLine;
    if (line.blank) {
      closeRun();
      continue;
    }
    const text = toText(line.text).trim();
    if (line.heading > 0) {
      closeRun();
      const label = LABEL_ONLY.exec(text);
      if (label && line.heading >= 2) {
        inTalkSection = false;
        pendingLabel = { kind: listKind(label[1] as string), index: i };
        claimed.add(i);
      } else {
        if (line.heading >= 2) inTalkSection = true;
        pendingLabel = null;
      }
      continue;
    }
    if (inTalkSection) continue;

    if (line.bullet === null) {
      const inline = INLINE_LABEL.exec(text) ?? BY_LABEL.exec(text);
      if (inline) {
        const listed = parseSpeakerList(inline[2] as string);
        if (listed) {
          closeRun();
          claimed.add(i);
          const kind = /^(moderat|host|chair)/i.test(inline[1] as string)
            ? "moderators"
            : listKind(inline[1] as string);
          for (const person of listed)
            people.push({
              person,
              list: kind,
              confidence: 0.95,
              lineNo: line.lineNo,
              reason: "named on a people line",
            });
          pendingLabel = null;
          continue;
        }
      }
      const label = LABEL_ONLY.exec(text);
      if (label) {
        closeRun();
        pendingLabel = { kind: listKind(label[1] as string), index: i };
        continue;
      }
    }

    const person = parsePersonLine(text);
    const current: Run | null = run;
    if (person && current && current.indent === line.indent && current.bullet === (line.bullet !== null)) {
      current.entries.push({ index: i, person });
      continue;
    }
    closeRun();
    if (person && !(line.bullet === null && parseDateLine(nextText(lines, i, toText)) !== null)) {
      run = {
        start: i,
        indent: line.indent,
        bullet: line.bullet !== null,
        entries: [{ index: i, person }],
        label: pendingLabel?.kind ?? null,
        labelIndex: pendingLabel?.index ?? null,
      };
    }
    pendingLabel = null;
  }
  closeRun();
  return { people, claimed };
}

function listKind(label: string): PeopleListKind {
  const l = label.toLowerCase();
  if (l.startsWith("moderat") || l.startsWith("host")) return "moderators";
  if (l.startsWith("pane")) return "panelists";
  if (l === "people") return "panelists";
  return "speakers";
}

/** Normalised labels that attribute something: `Name: …`, `Question: Name: …`, `… — Name`. */
function attributionLabels(lines: readonly NoteLine[], toText: (raw: string) => string, from: number): Set<string> {
  const labels = new Set<string>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as NoteLine;
    if (line.blank || line.heading > 0) continue;
    const text = toText(line.text);
    const prefix = QUESTION_PREFIX.exec(text);
    const body = prefix ? text.slice(prefix[0].length) : text;
    const label = parseAttribution(body)?.label ?? parseTrailingAttribution(body)?.label;
    if (label) labels.add(normalizeText(label));
  }
  return labels;
}

/** A name is used when a label is its full name, first or last name, or handle. */
function isUsed(person: PersonLine, used: ReadonlySet<string>): boolean {
  const name = normalizeText(person.name);
  const words = name.split(" ");
  const forms = [name, words[0], words[words.length - 1], person.handle ? normalizeText(person.handle) : ""];
  return forms.some((f) => !!f && used.has(f));
}

/** Index of the first line that is clearly notes: a bullet that is not a person, or a question/attribution line. */
function firstNoteLine(lines: readonly NoteLine[], toText: (raw: string) => string, from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as NoteLine;
    if (line.blank || line.heading > 0) continue;
    const text = toText(line.text).trim();
    if (line.bullet !== null && !parsePersonLine(text) && !INLINE_LABEL.test(text)) return i;
    if (
      line.bullet === null &&
      (QUESTION_PREFIX.test(text) ||
        text.startsWith(">") ||
        (parseAttribution(text) && !INLINE_LABEL.test(text) && /:\s*["“]/.test(text)))
    )
      return i;
  }
  return lines.length;
}

function nextText(lines: readonly NoteLine[], i: number, toText: (raw: string) => string): string {
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j] as NoteLine;
    if (!line.blank) return toText(line.text);
  }
  return "";
}
