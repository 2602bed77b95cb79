import type { CliCommand } from "../cli-command";
import { stringOption } from "../string-option";
import { UsageError } from "../usage-error";

/** `talknotes publish`: make one session, or every draft and live session of a conference, public. */
export const publishCommand: CliCommand = {
  name: "publish",
  summary: "Publish a session, or every draft and live session of a conference",
  usage: "talknotes publish --conference <slug> (--session <slug> | --all)",
  help: [
    "Sets sessions to published: public at /c/<conference>/<session>, in the conference's",
    "Atom feed and sitemap, and still editable (archive them to make them read-only).",
    "With --all, every draft and live session becomes published; archived ones stay archived.",
    "Prints each session that changed. Reads the database named by DATABASE_URL.",
    "",
    "Options:",
    "  --conference <slug>   conference slug (required)",
    "  --session <slug>      the session to publish",
    "  --all                 every draft and live session of the conference",
  ].join("\n"),
  options: {
    conference: { type: "string", short: "c" },
    session: { type: "string", short: "s" },
    all: { type: "boolean" },
  },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference", { required: true })!;
    const sessionSlug = stringOption(args, "session");
    const all = args.values.all === true;
    if (!sessionSlug && !all) throw new UsageError("Give --session <slug> or --all");
    if (sessionSlug && all) throw new UsageError("Give either --session <slug> or --all, not both");

    const { openCliDatabase } = await import("../open-cli-database");
    const { setConferenceStatus, setSessionStatus } = await import("../../data/publish-sessions");
    const database = await openCliDatabase({ mustExist: true });
    try {
      const changes = sessionSlug
        ? [await setSessionStatus(conferenceSlug, sessionSlug, "published")]
        : await setConferenceStatus(conferenceSlug, "published", ["draft", "live"]);
      const changed = changes.filter((c) => c.from !== c.to);
      for (const c of changed) io.stdout.write(`published ${conferenceSlug}/${c.slug} (was ${c.from})\n`);
      if (changed.length === 0) io.stdout.write("nothing to publish\n");
    } finally {
      await database.close();
    }
  },
};
