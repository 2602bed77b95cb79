/**
 * Markup a browser would run if the bytes were ever taken for HTML or SVG.
 * Each must be followed by whitespace, `>` or `/`, as a real tag is, which
 * keeps the chance of meeting one by accident in compressed pixels negligible.
 */
const TAGS = ["<script", "<svg", "<html", "<body", "<iframe", "<!doctype", "<?php", "<object", "<embed", "<img"];
/** How much of the start and of the end of a file is searched. */
const SCAN_BYTES = 64 * 1024;

/**
 * A sign that an image file was built to be a second thing too (a polyglot),
 * or null: markup in its first or last 64 KiB (where headers, comments and
 * appended payloads live), or a ZIP archive (JAR, Office) appended to it.
 * The middle of a big file is not searched: it is compressed pixels, and
 * whatever hides there never reaches a browser, because Talknotes serves only
 * pixels it re-encoded itself. This check exists so such files are refused
 * with a clear message rather than silently cleaned.
 */
export function findPolyglotMarker(bytes: Uint8Array): string | null {
  if (endsWithZipDirectory(bytes)) return "a ZIP archive";
  const head = scan(bytes, 0, Math.min(bytes.length, SCAN_BYTES));
  if (head) return head;
  return scan(bytes, Math.max(SCAN_BYTES, bytes.length - SCAN_BYTES), bytes.length);
}

function scan(bytes: Uint8Array, from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    if (bytes[i] !== 0x3c) continue; // "<"
    for (const tag of TAGS) {
      if (matchesAt(bytes, i, tag) && isTagEnd(bytes[i + tag.length])) return `markup (${tag})`;
    }
  }
  return null;
}

function matchesAt(bytes: Uint8Array, offset: number, marker: string): boolean {
  if (offset + marker.length > bytes.length) return false;
  for (let j = 0; j < marker.length; j++) {
    let b = bytes[offset + j]!;
    if (b >= 0x41 && b <= 0x5a) b += 0x20; // ASCII lower case
    if (b !== marker.charCodeAt(j)) return false;
  }
  return true;
}

function isTagEnd(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f;
}

/** A ZIP end-of-central-directory record whose comment runs exactly to the end of the file. */
function endsWithZipDirectory(bytes: Uint8Array): boolean {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x05 || bytes[i + 3] !== 0x06) continue;
    const commentLength = bytes[i + 20]! | (bytes[i + 21]! << 8);
    if (i + 22 + commentLength === bytes.length) return true;
  }
  return false;
}
