import type { CliCommand } from "../cli-command";
import { stringOption } from "../string-option";

/** `talknotes archive`: make a conference's public sessions (or one session) read-only after the event. */
export const archiveCommand: CliCommand = {
  name: "archive",
  summary: "Archive a conference's live and published sessions (read-only after the event)",
  usage: "talknotes archive --conference <slug> [--session <slug>]",
  help: [
    "Sets sessions to archived: they stay public and take no more edits (the collaboration",
    "server opens them read-only). Without --session, every live and published session of",
    "the conference is archived; drafts stay private drafts. Editors connected to a server",
    "that is running are disconnected within 5 s and come back read-only (from the conference",
    "page: at once). Prints each session that changed.",
    "",
    "Options:",
    "  --conference <slug>   conference slug (required)",
    "  --session <slug>      only this session (whatever its status)",
  ].join("\n"),
  options: {
    conference: { type: "string", short: "c" },
    session: { type: "string", short: "s" },
  },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference", { required: true })!;
    const sessionSlug = stringOption(args, "session");

    const { openCliDatabase } = await import("../open-cli-database");
    const { setConferenceStatus, setSessionStatus } = await import("../../data/publish-sessions");
    const database = await openCliDatabase({ mustExist: true });
    try {
      const changes = sessionSlug
        ? [await setSessionStatus(conferenceSlug, sessionSlug, "archived")]
        : await setConferenceStatus(conferenceSlug, "archived", ["live", "published"]);
      const changed = changes.filter((c) => c.from !== c.to);
      for (const c of changed) io.stdout.write(`archived ${conferenceSlug}/${c.slug} (was ${c.from})\n`);
      if (changed.length === 0) io.stdout.write("nothing to archive\n");
    } finally {
      await database.close();
    }
  },
};
