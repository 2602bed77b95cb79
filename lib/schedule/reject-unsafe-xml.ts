import { ScheduleError } from "./schedule-error";

/**
 * Throws `unsafe-xml` when the XML prolog declares entities or points at an
 * external DTD. Schedules never need either, and they are how billion-laughs
 * (exponential internal entities) and XXE (`SYSTEM "file:///etc/passwd"`)
 * attacks work. Checked on the raw text before any parser sees it; only the
 * prolog is scanned, so a talk abstract quoting `<!ENTITY` inside CDATA is
 * still accepted.
 */
export function rejectUnsafeXml(text: string): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end < 0) return; // unterminated: let the parser report it as malformed
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return;
      i = end + 3;
    } else if (text.slice(i, i + 9).toUpperCase() === "<!DOCTYPE") {
      const doctype = readDoctype(text, i);
      checkDoctype(doctype);
      i += doctype.length;
    } else {
      // The root element starts: the prolog is over. A DOCTYPE after this point
      // is not XML; the parser rejects it and its entities are never expanded
      // (see createXmlEntityDecoder).
      return;
    }
  }
}

function readDoctype(text: string, start: number): string {
  // Walk to the '>' closing the DOCTYPE as XML's grammar does: skip its
  // comments, processing instructions and quoted literals, count [ ] of the
  // internal subset. An unterminated DOCTYPE runs to the end of the text.
  let depth = 0;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) break;
      i = close;
    } else if (text.startsWith("<!--", i) || text.startsWith("<?", i)) {
      const terminator = text[i + 1] === "?" ? "?>" : "-->";
      const close = text.indexOf(terminator, i + 2);
      if (close < 0) break;
      i = close + terminator.length - 1;
    } else if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

function checkDoctype(doctype: string): void {
  if (/<!ENTITY/i.test(doctype)) throw unsafe("a DOCTYPE with <!ENTITY declarations (entity expansion / XXE)");
  // External DTDs can declare entities too; a schedule has no reason to reference one.
  const beforeSubset = doctype.split("[")[0] ?? doctype;
  if (/\b(SYSTEM|PUBLIC)\b/.test(beforeSubset)) throw unsafe("a DOCTYPE referring to an external DTD");
}

function unsafe(what: string): ScheduleError {
  return new ScheduleError(
    "unsafe-xml",
    `Refused unsafe XML: the file contains ${what}. Schedule files need no DTD; export it again without one.`,
  );
}
