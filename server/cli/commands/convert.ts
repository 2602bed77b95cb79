import fs from "node:fs/promises";
import path from "node:path";
import { renderHtmlPage } from "../../../lib/export/render-html";
import { renderJson } from "../../../lib/export/render-json";
import { renderMarkdown } from "../../../lib/export/render-markdown";
import { decodeNotesFile } from "../../../lib/import/decode-notes-file";
import { importNotes } from "../../../lib/import/import-notes";
import type { TalkNotesDocument } from "../../../lib/interchange/types";
import type { CliCommand } from "../cli-command";
import { writeImportWarnings } from "../write-import-warnings";
import { readInputBytes } from "../read-input-bytes";
import { stringOption } from "../string-option";

const FORMATS = ["json", "md", "html"] as const;
const RENDER: Record<(typeof FORMATS)[number], (doc: TalkNotesDocument) => string> = {
  json: renderJson,
  md: (doc) => renderMarkdown(doc),
  html: renderHtmlPage,
};

/** `talknotes convert`: notes file to talknotes/1 JSON, a Markdown post or an HTML page, without a database. */
export const convertCommand: CliCommand = {
  name: "convert",
  summary: "Convert plain-text/Markdown notes to talknotes/1 JSON, a Markdown post or an HTML page",
  usage: "talknotes convert <file|-> --to json|md|html [--out <file>]",
  help: [
    'Reads talk notes (plain text or Markdown, UTF-8; "-" reads standard input) and writes',
    "them as talknotes/1 JSON, a Markdown blog post with front matter, or a standalone HTML page.",
    "Writes to standard output unless --out names a file. Needs no database.",
    "Things worth checking (guessed people, removed image names, attributions and speakers the",
    "importer is less than 80% sure of, least sure first) are printed to stderr as warnings.",
    "",
    "Options:",
    "  --to <format>   json, md or html (required)",
    "  --out <file>    write here instead of standard output",
  ].join("\n"),
  options: { to: { type: "string" }, out: { type: "string", short: "o" } },
  positionals: { min: 1, max: 1, names: "<file|->" },
  async run(args, io) {
    const to = stringOption(args, "to", { required: true, allowed: FORMATS })!;
    const out = stringOption(args, "out");
    const file = args.positionals[0]!;
    const text = decodeNotesFile(await readInputBytes(file, io.stdin));
    const { document, warnings, guesses } = importNotes(text);
    writeImportWarnings(io, warnings, guesses);
    const rendered = RENDER[to](document);
    if (out === undefined) {
      io.stdout.write(rendered);
      return;
    }
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await fs.writeFile(out, rendered);
  },
};
