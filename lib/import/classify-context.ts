import type { Block } from "../interchange/types";
import type { BlockGuess } from "./import-guess";
import type { PeopleRegistry } from "./people-registry";
import type { NotesTimeAnchor } from "./read-leading-time";

/** Where a node sits; what a bullet means depends on it (answers under questions). */
export type BlockParent = "top" | "talk" | "question" | "statement" | "note";

/** Shared state of one import while its blocks are classified. */
export interface ClassifyContext {
  people: PeopleRegistry;
  /** Things a person may want to check, in input order. */
  warnings: string[];
  /** Raw line text to the plain text stored (Markdown inline syntax removed for Markdown input). */
  toText: (raw: string) => string;
  /** Guesses about blocks (who said it, who asked, who gave the talk), keyed by the block; paths are added at the end. */
  guesses: Map<Block, BlockGuess>;
  /** How times written at the start of lines become block times; null: they stay text. */
  timeAnchor?: NotesTimeAnchor | null;
}
