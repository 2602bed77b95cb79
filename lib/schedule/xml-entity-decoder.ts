import type { X2jOptions } from "fast-xml-parser";

type EntityDecoder = NonNullable<X2jOptions["entityDecoder"]>;

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * An entity decoder for fast-xml-parser that knows only what XML itself
 * defines: the five named entities and numeric character references.
 * Entities declared in a DOCTYPE are dropped on the floor (never expanded),
 * so entity processing stays off even if a DOCTYPE slips past
 * `rejectUnsafeXml`. Unknown references are left as written.
 */
export function createXmlEntityDecoder(): EntityDecoder {
  return {
    setExternalEntities: () => {},
    addInputEntities: () => {},
    reset: () => {},
    setXmlVersion: () => {},
    decode: (text) => (text.includes("&") ? text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, decodeOne) : text),
  };
}

function decodeOne(whole: string, ref: string): string {
  if (ref.startsWith("#")) {
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  }
  return NAMED[ref] ?? whole;
}
