import { seededRandom } from "./seeded-random";

/** A single-character editing trace: edit i inserts `chars[i]` at `pos[i]`, or deletes the character at `pos[i]`. */
export interface EditingTrace {
  pos: Int32Array;
  /** 1 = delete, 0 = insert. */
  del: Uint8Array;
  /** Character code inserted (0 for deletes). */
  chars: Uint16Array;
  length: number;
  inserts: number;
  deletes: number;
  /** Document length after the whole trace. */
  finalLength: number;
}

/** B4 (the automerge-perf "paper" trace used by the CRDT benchmarks): 259,778 edits, 182,315 inserts, 77,463 deletes. */
export const B4_EDITS = 259_778;
const B4_DELETE_SHARE = 77_463 / 259_778;

const TEXT =
  "the quick brown fox jumps over the lazy dog while conference speakers argue about deploys, ".repeat(2) + "\n";

/**
 * Generates a trace with the shape of B4 (we cannot ship the original): one
 * author typing a paper, in bursts at a cursor that mostly stays put and now
 * and then jumps elsewhere in the text, with runs of backspace. The delete
 * share and size match B4, so the final text is about 105,000 characters.
 * Deterministic for a given seed.
 */
export function generateEditingTrace(edits: number = B4_EDITS, seed = 4): EditingTrace {
  const random = seededRandom(seed);
  const pos = new Int32Array(edits);
  const del = new Uint8Array(edits);
  const chars = new Uint16Array(edits);
  let length = 0;
  let cursor = 0;
  let burst = 0;
  let deleting = false;
  let inserts = 0;
  let deletes = 0;
  // Mean burst lengths: typing 20 keys, deleting 8; this share of delete bursts gives B4's delete share.
  const deleteBurstShare = (B4_DELETE_SHARE * 20) / (8 * (1 - B4_DELETE_SHARE) + B4_DELETE_SHARE * 20);
  for (let i = 0; i < edits; i++) {
    if (burst === 0) {
      deleting = random() < deleteBurstShare;
      burst = 1 + Math.floor(-Math.log(1 - random()) * (deleting ? 8 : 20));
      // Most bursts continue where the author is; one in six moves to another place in the text.
      if (random() < 1 / 6) cursor = Math.floor(random() * (length + 1));
    }
    burst--;
    if (deleting && cursor > 0) {
      cursor--;
      pos[i] = cursor;
      del[i] = 1;
      length--;
      deletes++;
    } else {
      pos[i] = cursor;
      chars[i] = TEXT.charCodeAt(Math.floor(random() * TEXT.length));
      cursor++;
      length++;
      inserts++;
    }
  }
  return { pos, del, chars, length: edits, inserts, deletes, finalLength: length };
}
