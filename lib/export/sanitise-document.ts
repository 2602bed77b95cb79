import type { TalkNotesDocument } from "../interchange/types";
import { sanitiseText } from "./sanitise-text";

function deepSanitise(value: unknown): unknown {
  if (typeof value === "string") return sanitiseText(value);
  if (Array.isArray(value)) return value.map(deepSanitise);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepSanitise(v)]));
  }
  return value;
}

/**
 * A copy of the document with {@link sanitiseText} applied to every string,
 * so renderers never have to remember it field by field.
 */
export function sanitiseDocument(doc: TalkNotesDocument): TalkNotesDocument {
  return deepSanitise(doc) as TalkNotesDocument;
}
