import type { CliCommand } from "../cli-command";
import { readInputBytes } from "../read-input-bytes";
import { stringOption } from "../string-option";

/** `talknotes import-schedule`: a pretalx JSON or frab XML schedule into a conference, or a re-import that updates it. */
export const importScheduleCommand: CliCommand = {
  name: "import-schedule",
  summary: "Import or re-import a conference schedule (pretalx JSON or frab XML) from a file or URL",
  usage: "talknotes import-schedule <file|url|-> [--conference <slug>]",
  help: [
    "Reads a schedule export (pretalx schedule JSON or frab/pentabarf schedule XML) from a file,",
    "an http(s) URL or standard input, and stores its sessions (title, kind, room, track, times)",
    "and speakers. Without --conference, the conference this schedule was imported into before is",
    "updated, else a new one is created from the schedule (name, dates, time zone).",
    "",
    "A re-import matches sessions and people by the schedule's own ids and applies what the",
    "schedule changed: moved times and rooms, renamed titles, added and removed speakers. It never",
    "duplicates anything and never touches notes; a session that left the schedule is deleted",
    "only if nobody ever opened its notes, otherwise it is kept. Any error imports nothing.",
    "The database is DATABASE_URL (default file:./data/talknotes.db), migrated first.",
    "Prints one line per change.",
    "",
    "Options:",
    "  --conference <slug>   import into this existing conference",
  ].join("\n"),
  options: { conference: { type: "string", short: "c" } },
  positionals: { min: 1, max: 1, names: "<file|url|->" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference");
    const source = args.positionals[0]!;
    const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
    const input = isUrl
      ? { url: source, conferenceSlug }
      : {
          text: new TextDecoder("utf-8").decode(await readInputBytes(source, io.stdin)),
          filename: source === "-" ? undefined : source,
          conferenceSlug,
        };

    const { openCliDatabase } = await import("../open-cli-database");
    const { importSchedule } = await import("../../data/import-schedule");
    const database = await openCliDatabase({ mustExist: false });
    try {
      const result = await importSchedule(input, { operator: true });
      const { sessions, people, rooms, days } = result.counts;
      const url = `http://localhost:${database.env.port}/conferences/${result.conference.slug}`;
      io.stderr.write(
        `${result.created ? "Created" : "Updated"} conference "${result.conference.name}" from a schedule of ` +
          `${sessions} sessions, ${people} people, ${rooms} rooms, ${days} days\n`,
      );
      for (const line of result.summary) io.stdout.write(`${line}\n`);
      io.stdout.write(`${url}\n`);
    } finally {
      await database.close();
    }
  },
};
