import type { CliCommand } from "../cli-command";
import { stringOption } from "../string-option";
import { AppError } from "../../../lib/errors/app-error";
import { UsageError } from "../usage-error";

/**
 * `talknotes publish`: make one session, or every draft and live session of a
 * conference, public; or, with --to, post sessions to one of the conference's
 * destinations (a WordPress blog, a Git-hosted site).
 */
export const publishCommand: CliCommand = {
  name: "publish",
  summary: "Publish sessions: make them public, or post them to a destination (--to)",
  usage: "talknotes publish --conference <slug> (--session <slug> | --all | --to <destination> [--session <slug>])",
  help: [
    "Sets sessions to published: public at /c/<conference>/<session>, in the conference's",
    "Atom feed and sitemap, and still editable (archive them to make them read-only).",
    "With --all, every draft and live session becomes published; archived ones stay archived.",
    "Prints each session that changed. Reads the database named by DATABASE_URL.",
    "",
    "With --to <destination> (a destination's name, set up by an owner on the conference page),",
    "posts every published and archived session (or only --session) to that blog or site:",
    "the first time creates the post, afterwards updates the same one. Prints what was",
    "created, updated, skipped (unchanged) or failed per session, and exits 1 when any failed;",
    "run it again to retry. The operator's CLI may reach any address, unlike the server.",
    "",
    "Options:",
    "  --conference <slug>   conference slug (required)",
    "  --session <slug>      the session to publish",
    "  --all                 every draft and live session of the conference",
    "  --to <destination>    post to this destination instead of changing status",
  ].join("\n"),
  options: {
    conference: { type: "string", short: "c" },
    session: { type: "string", short: "s" },
    all: { type: "boolean" },
    to: { type: "string" },
  },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference", { required: true })!;
    const sessionSlug = stringOption(args, "session");
    const all = args.values.all === true;
    const to = stringOption(args, "to");
    if (to !== undefined) {
      if (all) throw new UsageError("--to posts every published session already: leave out --all");
      const { openCliDatabase } = await import("../open-cli-database");
      const { publishToDestination } = await import("../../publish/publish-to-destination");
      const { formatPublishReport } = await import("../../publish/publish-report");
      const database = await openCliDatabase({ mustExist: true });
      try {
        const report = await publishToDestination({ conferenceSlug, destination: to, sessionSlug, anyAddress: true });
        for (const line of formatPublishReport(report)) io.stdout.write(`${line}\n`);
        const failed = report.results.filter((r) => r.action === "failed").length;
        if (failed)
          throw new AppError(
            "invalid_input",
            `${failed} session${failed === 1 ? "" : "s"} could not be published to ${report.destination}: run again to retry`,
          );
      } finally {
        await database.close();
      }
      return;
    }
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
