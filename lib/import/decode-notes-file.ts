import { ImportError, MAX_NOTES_BYTES } from "./import-error";

/**
 * Decodes an uploaded notes file to text, refusing what is not notes.
 *
 * UTF-8 is decoded strictly (a file in another encoding would otherwise come
 * out with silent U+FFFD holes); UTF-16 with a byte-order mark is accepted
 * because Windows editors save it. Throws {@link ImportError} with code
 * `too-large` (over 5 MB), `empty`, `binary` (NUL bytes or mostly control
 * characters) or `invalid-utf8`.
 */
export function decodeNotesFile(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_NOTES_BYTES) {
    throw new ImportError("too-large", `The file is ${formatMb(bytes.byteLength)}; notes files are limited to 5 MB.`);
  }
  if (bytes.byteLength === 0) throw new ImportError("empty", "The file is empty: there are no notes to import.");

  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16, { fatal: true }).decode(bytes);

  if (bytes.includes(0)) {
    throw new ImportError(
      "binary",
      "This looks like a binary file (it contains NUL bytes), not plain-text or Markdown notes.",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("invalid-utf8", "The file is not valid UTF-8. Save it as UTF-8 text and try again.");
  }
  if (looksBinary(text)) {
    throw new ImportError(
      "binary",
      "This looks like a binary file (mostly control characters), not plain-text or Markdown notes.",
    );
  }
  return text;
}

function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** Control characters other than tab, newline, carriage return and form feed. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
