import path from "node:path";
import { EXPORT_TIME_MODES } from "../../../lib/export/export-times";
import { EXPORT_FORMATS } from "../../data/export-conference";
import type { CliCommand } from "../cli-command";
import { stringOption } from "../string-option";
import { writeFilesUnder } from "../write-files-under";

/** `talknotes export`: a conference's (or one session's) notes as files, or as a Hugo/Jekyll site folder. */
export const exportCommand: CliCommand = {
  name: "export",
  summary: "Export a conference's notes as Markdown, HTML, JSON or a Hugo/Jekyll site",
  usage:
    "talknotes export --conference <slug> [--session <slug>] --to md|html|json|hugo|jekyll [--include-drafts] [--times show|link] --out <dir>",
  help: [
    "Writes the notes of every session of the conference (or only --session) into <dir>,",
    "created if missing: <session>.md, .html (standalone page) or .json (talknotes/1) per session;",
    "hugo or jekyll write a ready-to-build site folder (config, layouts, one post per public session;",
    "with --include-drafts, drafts too, marked as drafts: Hugo draft: true, Jekyll _drafts/).",
    "Reads the database named by DATABASE_URL; prints each file written.",
    "",
    "Options:",
    "  --conference <slug>   conference slug (required)",
    "  --session <slug>      only this session",
    "  --to <format>         md, html, json, hugo or jekyll (required)",
    "  --out <dir>           output folder (required)",
    "  --include-drafts      hugo/jekyll: also write draft sessions, marked as drafts",
    "  --times show|link     md/html: each note's time (hh:mm), or linked to the session's recording",
  ].join("\n"),
  options: {
    conference: { type: "string", short: "c" },
    session: { type: "string", short: "s" },
    to: { type: "string" },
    out: { type: "string", short: "o" },
    "include-drafts": { type: "boolean" },
    times: { type: "string" },
  },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference", { required: true })!;
    const sessionSlug = stringOption(args, "session");
    const to = stringOption(args, "to", { required: true, allowed: EXPORT_FORMATS })!;
    const out = stringOption(args, "out", { required: true })!;
    const times = stringOption(args, "times", { allowed: EXPORT_TIME_MODES });

    const { openCliDatabase } = await import("../open-cli-database");
    const { exportConference } = await import("../../data/export-conference");
    const database = await openCliDatabase({ mustExist: true });
    try {
      const includeDrafts = args.values["include-drafts"] === true;
      const files = await exportConference({
        conferenceSlug,
        sessionSlug,
        to,
        includeDrafts,
        times,
      });
      await writeFilesUnder(out, files);
      for (const file of files) io.stdout.write(`${path.join(out, file.path)}\n`);
    } finally {
      await database.close();
    }
  },
};
