import type { SpeakerMatchKind } from "../import/match-speaker";
import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";

/** Which set of notes something came from: `left` is the session merged into, `right` the one merged in. */
export type MergeSide = "left" | "right";

/** How a conflict is settled: keep the left answer, the right one, or both (the default). */
export type ConflictChoice = MergeSide | "both";

/** Who took one set of notes, for the credit line and the report. */
export interface NoteTaker {
  name: string;
}

export interface MergeOptions {
  /** Choices by conflict id (MergeConflict.id); a conflict without one keeps both answers. */
  resolutions?: Readonly<Record<string, ConflictChoice>>;
}

/** How a person of the right-hand notes was tied to one of the left. */
export interface PersonMatch {
  /** The person's id in the merged document. */
  id: string;
  name: string;
  leftId: string | null;
  rightId: string | null;
  /** `id` (same person id, same name), a matchSpeaker kind, or null for someone only one side names. */
  how: "id" | SpeakerMatchKind | null;
}

/** One block of the merged document and where it came from. */
export interface MergedBlockSource {
  /** Position in the merged document: top-level index, then child indexes, joined by "/" ("2/0" = first answer of block 2). */
  path: string;
  type: Block["type"];
  text: string;
  sources: MergeSide[];
}

/** Two blocks judged to be the same note: one wording is kept, the other stays available here. */
export interface MergeDuplicate {
  path: string;
  type: Block["type"];
  kept: MergeSide;
  left: string;
  right: string;
  /** textSimilarity of the two texts (for threads: of the questions; answers may have decided). */
  similarity: number;
}

/** Same speaker, same thread, different content: both are kept unless a resolution says otherwise. */
export interface MergeConflict {
  /** Stable for the same two documents: the left and right paths in their own documents. */
  id: string;
  /** Path of the thread (or block) in the merged document that holds both answers. */
  threadPath: string;
  thread: string;
  speaker: string | null;
  left: string;
  right: string;
  similarity: number;
  choice: ConflictChoice;
}

export interface MergeReport {
  people: PersonMatch[];
  blocks: MergedBlockSource[];
  duplicates: MergeDuplicate[];
  conflicts: MergeConflict[];
  /** Counts for a one-line summary. */
  counts: {
    left: number;
    right: number;
    merged: number;
    duplicates: number;
    conflicts: number;
    fromLeft: number;
    fromRight: number;
  };
}

export interface MergeResult {
  document: TalkNotesDocument;
  report: MergeReport;
}

/** A person list entry of the merged document (left's people, right's new ones). */
export type MergedPerson = InterchangePerson;
