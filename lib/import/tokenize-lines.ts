/** One physical line of notes, split into what matters for structure. */
export interface NoteLine {
  /** 1-based line number in the input, for warnings. */
  lineNo: number;
  /** Leading columns; a tab counts as 4. */
  indent: number;
  /** The list marker as written ("•", "-", "*", "+", "1."), or null for a plain line. */
  bullet: string | null;
  /** Markdown ATX heading level (1-6), or 0. */
  heading: number;
  /** The line's text without indentation, marker, heading hashes or trailing spaces. */
  text: string;
  /** True for lines with nothing but whitespace. */
  blank: boolean;
}

const BULLET = /^(?:([•◦▪‣●○■□·])\s*|([-*+–—])\s+|(\d{1,3}[.)])\s+)/u;
// Only anchored, fixed-length prefix patterns here: a line can be 100 KB, and a pattern that scans it with
// two overlapping quantifiers (`\s+(.*?)\s+#+\s*$`, `\s+$`) takes quadratic time (seconds) on a run of spaces.
const HEADING_OPEN = /^(#{1,6})\s/;

/**
 * Splits notes text into lines with indentation, list marker and text.
 *
 * Line endings (CRLF, CR), non-breaking and other odd spaces, zero-width
 * characters and a byte-order mark are normalised first, because text copied
 * from blogs carries all of them. U+2022 and friends, "-", "*", "+" and
 * numbered markers are bullets; a "-" or "*" must be followed by a space so
 * "-5 degrees" and "*emphasis*" stay text.
 */
export function tokenizeLines(input: string): NoteLine[] {
  const text = normalizeSpaces(input);
  return text.split("\n").map((raw, i) => {
    const lineNo = i + 1;
    const { indent, rest } = measureIndent(raw);
    const body = rest.trimEnd();
    if (!body) return { lineNo, indent: 0, bullet: null, heading: 0, text: "", blank: true };

    const heading = indent < 4 ? HEADING_OPEN.exec(body) : null;
    if (heading) {
      const level = (heading[1] as string).length;
      return { lineNo, indent, bullet: null, heading: level, text: headingText(body.slice(level)), blank: false };
    }
    const bullet = BULLET.exec(body);
    if (bullet && !/^[-*_](\s*[-*_]){2,}$/.test(body)) {
      const marker = bullet[1] ?? bullet[2] ?? bullet[3] ?? "";
      const after = body.slice(bullet[0].length);
      return { lineNo, indent, bullet: marker, heading: 0, text: after.trimStart(), blank: false };
    }
    return { lineNo, indent, bullet: null, heading: 0, text: body, blank: false };
  });
}

/** A heading's text: without the space after the opening hashes, nor an optional closing run of hashes. */
function headingText(afterHashes: string): string {
  const text = afterHashes.trimStart();
  let closing = text.length;
  while (closing > 0 && text[closing - 1] === "#") closing--;
  // "# Title ##" closes; "# C#" and "# ###" do not (the hashes must follow a space and some text).
  if (closing > 0 && closing < text.length && /\s/.test(text[closing - 1] as string))
    return text.slice(0, closing).trimEnd();
  return text;
}

/** Line endings to "\n", every kind of space to " ", invisible characters removed. */
function normalizeSpaces(input: string): string {
  return input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "");
}

function measureIndent(line: string): { indent: number; rest: string } {
  let indent = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === " ") indent += 1;
    else if (ch === "\t") indent += 4 - (indent % 4);
    else break;
  }
  // Tabs inside the text become spaces: they carry no meaning in a note.
  return { indent, rest: line.slice(i).replace(/\t/g, " ") };
}
