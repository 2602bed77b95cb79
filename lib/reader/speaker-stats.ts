import type { TalkNotesDocument } from "../interchange/types";
import { readerEntries } from "./reader-entries";

/** How much one person said in a session's notes. */
export interface SpeakerStat {
  personId: string;
  name: string;
  /** Statements attributed to them (continuations included) plus questions they asked. */
  statements: number;
  /** Words in those statements and questions (asides are the note-taker's, not theirs). */
  words: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Who spoke how much, most words first (ties: more statements, then name):
 * every person the notes attribute something to. People listed on the
 * session who said nothing are left out.
 */
export function speakerStats(doc: TalkNotesDocument): SpeakerStat[] {
  const names = new Map(doc.people.map((p) => [p.id, p.name]));
  const stats = new Map<string, SpeakerStat>();
  for (const entry of readerEntries(doc)) {
    if (entry.speaker === null || (entry.type !== "statement" && entry.type !== "question")) continue;
    const name = names.get(entry.speaker);
    if (name === undefined) continue;
    const stat = stats.get(entry.speaker) ?? { personId: entry.speaker, name, statements: 0, words: 0 };
    stat.statements += 1;
    stat.words += entry.text.match(WORD)?.length ?? 0;
    stats.set(entry.speaker, stat);
  }
  return [...stats.values()].sort(
    (a, b) => b.words - a.words || b.statements - a.statements || a.name.localeCompare(b.name),
  );
}
