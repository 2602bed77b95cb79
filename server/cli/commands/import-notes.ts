import { decodeNotesFile } from "../../../lib/import/decode-notes-file";
import type { CliCommand } from "../cli-command";
import { readInputBytes } from "../read-input-bytes";
import { stringOption } from "../string-option";
import { writeImportWarnings } from "../write-import-warnings";

/** `talknotes import-notes`: a notes file as a new session of a conference (created when new). */
export const importNotesCommand: CliCommand = {
  name: "import-notes",
  summary: "Import a notes file as a new session of a conference",
  usage: "talknotes import-notes <file|-> --conference <slug>",
  help: [
    "Reads talk notes (plain text or Markdown, UTF-8) and stores them as a new session of the",
    "conference <slug>: its people (reusing the conference's people of the same name), their",
    "roles in panel order, and the notes, ready to open in the editor.",
    "When no conference has that slug, it is created from the notes' header (name, place, date,",
    "hashtag). The database is DATABASE_URL (default file:./data/talknotes.db), migrated first.",
    "A Markdown image link on a line of its own (![alt](slides/3.jpg)) becomes a photo when the",
    "file is beside the notes file (JPEG, PNG, GIF or WebP); otherwise it stays as text.",
    "Prints the new session's id and its URL (http://localhost:$PORT/...).",
    "",
    "Options:",
    "  --conference <slug>   conference slug, e.g. devopsday-2010 (required)",
  ].join("\n"),
  options: { conference: { type: "string", short: "c" } },
  positionals: { min: 1, max: 1, names: "<file|->" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference", { required: true })!;
    // Refuse files that are not notes before the database is even opened.
    const text = decodeNotesFile(await readInputBytes(args.positionals[0]!, io.stdin));

    const { openCliDatabase } = await import("../open-cli-database");
    const { importNotesToConference } = await import("../../data/import-notes");
    const database = await openCliDatabase({ mustExist: false });
    try {
      const file = args.positionals[0]!;
      const { readPhotoBeside } = await import("../read-photo-beside");
      const photo = file === "-" ? undefined : (src: string) => readPhotoBeside(file, src);
      const result = await importNotesToConference({ conferenceSlug, text }, { photo });
      writeImportWarnings(io, result.warnings, result.guesses);
      const url = `http://localhost:${database.env.port}/conferences/${result.conference.slug}/sessions/${result.session.slug}`;
      const made = result.conference.created
        ? `new conference "${result.conference.name}"`
        : `conference "${result.conference.name}"`;
      io.stderr.write(
        `Imported "${result.session.title}" (${result.session.kind}, ${result.people.length} people) into ${made}\n`,
      );
      io.stdout.write(`session ${result.session.id}\n${url}\n`);
    } finally {
      await database.close();
    }
  },
};
