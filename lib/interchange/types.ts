/**
 * The `talknotes/1` interchange format: the one structure every importer
 * produces and every exporter consumes. Documented for outsiders in
 * docs/interchange.md and docs/talknotes-1.schema.json; keep all three in step.
 *
 * Text fields are plain text: never HTML, never Markdown. Renderers escape.
 */

export const INTERCHANGE_FORMAT = "talknotes/1" as const;

/** What kind of session the notes are of; drives the header layout. */
export const SESSION_KINDS = ["talk", "panel", "ignite", "keynote", "workshop", "other"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The part a person plays in one session. */
export const PERSON_ROLES = ["speaker", "panelist", "moderator", "audience"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface InterchangeConference {
  /** Display name, e.g. "DevOps Day". */
  name: string;
  /** City and region as written, e.g. "Santa Clara, CA"; null when unknown. */
  location: string | null;
  /** First day, ISO date `YYYY-MM-DD`; null when unknown. */
  startsOn: string | null;
  /** Hashtag including `#`, e.g. "#DevOps Day"; optional. */
  hashtag?: string | null;
  /** Post title template; `{title}` and `{hashtag}` are substituted. */
  titleTemplate?: string | null;
}

export interface InterchangeSession {
  /** Session title, e.g. "Making The Business Case". */
  title: string;
  kind: SessionKind;
  /** The note-taker's introduction above the notes (plain text, may be ""). */
  intro: string;
  /** ISO date-time with offset, when known. */
  startsAt?: string | null;
  /** ISO date-time with offset, when known. */
  endsAt?: string | null;
  room?: string | null;
  track?: string | null;
  /** URL-safe slug, when the session already has one. */
  slug?: string | null;
  /** The session's video recording, when there is one. */
  recording?: InterchangeRecording | null;
}

/** Where a session's recording is and which instant its first second shows. */
export interface InterchangeRecording {
  /** The video's page: YouTube, Vimeo, PeerTube or media.ccc.de. */
  url: string;
  /** The instant the recording's 0:00 shows (ISO date-time with offset); the session's start when absent. */
  startsAt?: string | null;
}

export interface InterchangePerson {
  /** Stable id, unique within the document; blocks refer to people by it. */
  id: string;
  /** Full display name, e.g. "Jody Mulkey". */
  name: string;
  /** Company or organisation, e.g. "Shopzilla". */
  affiliation?: string | null;
  /** Free-text qualifier from the panel list, e.g. "CIO, including Bizrate". */
  note?: string | null;
  role: PersonRole;
  /** Social handle without URL, e.g. "@tlossen". */
  handle?: string | null;
  /** Other spellings that refer to this person (nicknames, typos seen). */
  aliases?: string[];
}

/** A note-taker who wrote in the session: the byline ("Notes by …") and the "About the author" box. */
export interface InterchangeAuthor {
  /** Display name, e.g. "Paul Reed". */
  name: string;
  /** A short bio (plain text); absent when the author wrote none. */
  bio?: string | null;
  /** The author's own page, an http(s) URL. */
  link?: string | null;
  /** An image of the author, an http(s) URL. */
  avatarUrl?: string | null;
}

/** A question thread: the question and the answers given to it, in order. */
export interface QuestionBlock {
  type: "question";
  text: string;
  /** Person id of the asker; null when unknown (or the moderator, implied). */
  askedBy: string | null;
  answers: Block[];
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time with offset); absent when unknown. */
  at?: string | null;
}

/** A bullet attributed to a person: what they said. Answers are statements. */
export interface StatementBlock {
  type: "statement";
  /** Person id; null for an unattributed quote (continuing the parent speaker). */
  speaker: string | null;
  text: string;
  /** The note-taker's comments on this statement, exported in parentheses. */
  asides: string[];
  children: Block[];
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time with offset); absent when unknown. */
  at?: string | null;
}

/** The note-taker's own comment standing alone. */
export interface AsideBlock {
  type: "aside";
  text: string;
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time with offset); absent when unknown. */
  at?: string | null;
}

/** A plain bullet, possibly with nested bullets. */
export interface NoteBlock {
  type: "note";
  text: string;
  children: Block[];
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time with offset); absent when unknown. */
  at?: string | null;
}

/** One talk of an Ignite / lightning series. */
export interface TalkBlock {
  type: "talk";
  title: string;
  /** Person ids; may be empty when the speaker was not caught. */
  speakers: string[];
  children: Block[];
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time with offset); absent when unknown. */
  at?: string | null;
}

/** A practical tip or takeaway. */
export interface TipBlock {
  type: "tip";
  text: string;
  children: Block[];
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time with offset); absent when unknown. */
  at?: string | null;
}

/**
 * A photo (docs/interchange.md, "Photos"), e.g. of a slide. The file is not in the document: it is
 * named by `hash`, served by the instance at
 * `/api/sessions/<session id>/images/<hash>-<variant>` and written beside
 * the document by the site exports (docs/interchange.md).
 */
export interface ImageBlock {
  type: "image";
  /** sha-256 (lower-case hex) of the stored photo. */
  hash: string;
  /** Text alternative for readers who cannot see it (may be ""). */
  alt: string;
  /** Caption shown under the photo (may be ""). */
  caption: string;
  /** Pixels of the upright photo. */
  width: number;
  height: number;
  /** Absolute URL of the stored photo, written by an instance's JSON export (links, never embeds). */
  src?: string | null;
  /** A key moment: the note-taker starred this block; readers see it in a summary. Optional, absent means false. */
  starred?: boolean;
  /** When the block was first written (ISO 8601 date-time); optional. */
  at?: string | null;
}

export type Block = QuestionBlock | StatementBlock | AsideBlock | NoteBlock | TalkBlock | TipBlock | ImageBlock;
export type BlockType = Block["type"];

/** A whole session's notes in the `talknotes/1` format. */
export interface TalkNotesDocument {
  format: typeof INTERCHANGE_FORMAT;
  conference: InterchangeConference;
  session: InterchangeSession;
  people: InterchangePerson[];
  blocks: Block[];
  /** Who took the notes, in the order they first wrote; the first is the primary author. Optional. */
  authors?: InterchangeAuthor[];
}
