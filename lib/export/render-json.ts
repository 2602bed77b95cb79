import { IMAGE_ORIGINAL, imageFileName } from "../images/image-file-name";
import { nestedBlocks } from "../interchange/nested-blocks";
import type { Block, TalkNotesDocument } from "../interchange/types";
import { withChildBlocks } from "../interchange/with-child-blocks";
import type { ImageBaseOption } from "./image-base-option";

/**
 * Key order of the output: the order types.ts declares fields in, object by
 * object. Keys not listed (extra fields carried along) follow, sorted.
 */
const KEY_ORDER = [
  "format",
  "conference",
  "session",
  "people",
  "blocks",
  "type",
  "id",
  "name",
  "title",
  "kind",
  "role",
  "affiliation",
  "note",
  "handle",
  "aliases",
  "location",
  "startsOn",
  "hashtag",
  "titleTemplate",
  "intro",
  "startsAt",
  "endsAt",
  "room",
  "track",
  "slug",
  "speaker",
  "text",
  "askedBy",
  "speakers",
  "asides",
  "answers",
  "children",
  "starred",
  "hash",
  "alt",
  "caption",
  "width",
  "height",
  "src",
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== "object" || value === null) return value;
  const keys = Object.keys(value).sort(
    (a, b) => (RANK.get(a) ?? Infinity) - (RANK.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k])]));
}

// Valid JSON either way; escaping these keeps invisible or direction-changing
// characters visible to whoever opens the file, and `<` escaped means the
// output can sit inside an HTML <script> element without closing it.
const INVISIBLE = /[<\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * The document as pretty-printed `talknotes/1` JSON (2-space indent,
 * trailing newline) with a stable key order, so exports diff cleanly.
 * The data is not altered (sanitising is left to renderers of text); `<`,
 * line separators and invisible/bidi controls are written as \u escapes.
 */
export function renderJson(doc: TalkNotesDocument, options: ImageBaseOption = {}): string {
  const linked = options.imageBase == null ? doc : { ...doc, blocks: withPhotoLinks(doc.blocks, options.imageBase) };
  return `${JSON.stringify(ordered(linked), null, 2).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`)}\n`;
}

/** Photos link (never embed) their stored original: `src` on each image block. */
function withPhotoLinks(blocks: readonly Block[], base: string): Block[] {
  return blocks.map((b): Block =>
    b.type === "image"
      ? { ...b, src: `${base}${imageFileName(b.hash, IMAGE_ORIGINAL)}` }
      : withChildBlocks(b, withPhotoLinks(nestedBlocks(b), base)),
  );
}
