import type { z } from "zod";
import { InterchangeError } from "./interchange-error";
import { nestedBlocks } from "./nested-blocks";
import type { InterchangeIssue } from "./interchange-error";
import { talknotesSchema } from "./talknotes-schema";
import { INTERCHANGE_FORMAT } from "./types";
import type { Block, TalkNotesDocument } from "./types";

/**
 * Deepest block nesting accepted. Real notes rarely go past 4 levels; the cap
 * keeps recursive validators and renderers far from the stack limit when a
 * hostile file nests thousands of levels.
 */
export const MAX_BLOCK_DEPTH = 64;

/**
 * Validates untrusted JSON (already parsed) as a `talknotes/1` document.
 *
 * Checks, in order, and throws an {@link InterchangeError} at the first kind
 * of problem: the exact `format` string, nesting depth, the schema (types,
 * enums, dates), unique person ids, and that every person id referenced by a
 * block exists. Unknown fields are dropped from the result.
 */
export function parseInterchange(json: unknown): TalkNotesDocument {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InterchangeError("unsupported_format", [{ path: "$", message: "expected a JSON object" }]);
  }
  const format = (json as { format?: unknown }).format;
  if (format !== INTERCHANGE_FORMAT) {
    const seen = format === undefined ? "missing" : `got ${JSON.stringify(format)}`;
    throw new InterchangeError("unsupported_format", [
      { path: "$.format", message: `expected "${INTERCHANGE_FORMAT}", ${seen}` },
    ]);
  }

  const tooDeep = findTooDeep((json as { blocks?: unknown }).blocks);
  if (tooDeep) {
    throw new InterchangeError("too_deep", [
      { path: tooDeep, message: `blocks nest deeper than ${MAX_BLOCK_DEPTH} levels` },
    ]);
  }

  const result = talknotesSchema.document.safeParse(json);
  if (!result.success) {
    throw new InterchangeError("invalid_document", result.error.issues.map(toIssue));
  }
  const doc = result.data as TalkNotesDocument;

  const duplicates: InterchangeIssue[] = [];
  const ids = new Set<string>();
  doc.people.forEach((p, i) => {
    if (ids.has(p.id))
      duplicates.push({ path: `$.people[${i}].id`, message: `duplicate person id ${JSON.stringify(p.id)}` });
    ids.add(p.id);
  });
  if (duplicates.length > 0) throw new InterchangeError("duplicate_person_id", duplicates);

  const unknown: InterchangeIssue[] = [];
  const check = (id: string | null, path: string) => {
    if (id !== null && !ids.has(id)) unknown.push({ path, message: `unknown person id ${JSON.stringify(id)}` });
  };
  walkWithPaths(doc.blocks, "$.blocks", (block, path) => {
    if (block.type === "question") check(block.askedBy, `${path}.askedBy`);
    if (block.type === "statement") check(block.speaker, `${path}.speaker`);
    if (block.type === "talk") block.speakers.forEach((s, i) => check(s, `${path}.speakers[${i}]`));
  });
  if (unknown.length > 0) throw new InterchangeError("unknown_person", unknown);

  return doc;
}

function toIssue(issue: z.core.$ZodIssue): InterchangeIssue {
  return { path: formatPath(issue.path), message: issue.message };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Like walkBlocks, with each block's JSON path for error messages. */
function walkWithPaths(blocks: readonly Block[], path: string, visit: (block: Block, path: string) => void): void {
  blocks.forEach((block, i) => {
    const here = `${path}[${i}]`;
    visit(block, here);
    walkWithPaths(nestedBlocks(block), `${here}.${block.type === "question" ? "answers" : "children"}`, visit);
  });
}

/** Iterative, so a hostile nesting cannot overflow the stack before we refuse it. */
function findTooDeep(blocks: unknown): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: blocks, path: "$.blocks", depth: 1 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (!Array.isArray(value)) continue;
    if (depth > MAX_BLOCK_DEPTH && value.length > 0) return path;
    value.forEach((item: unknown, i) => {
      if (typeof item !== "object" || item === null) return;
      for (const key of ["answers", "children"] as const) {
        const nested = (item as Record<string, unknown>)[key];
        if (Array.isArray(nested)) stack.push({ value: nested, path: `${path}[${i}].${key}`, depth: depth + 1 });
      }
    });
  }
  return null;
}
