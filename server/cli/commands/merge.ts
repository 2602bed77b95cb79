import fs from "node:fs";
import { decodeNotesFile } from "../../../lib/import/decode-notes-file";
import type { ConflictChoice } from "../../../lib/merge/merge-types";
import { formatMergeSummary } from "../../../lib/merge/format-merge-summary";
import type { CliCommand } from "../cli-command";
import { readInputBytes } from "../read-input-bytes";
import { stringOption } from "../string-option";
import { UsageError } from "../usage-error";

/** `talknotes merge`: another session's notes, or a notes file, merged into a session. */
export const mergeCommand: CliCommand = {
  name: "merge",
  summary: "Merge another session's notes, or a notes file, into a session (preview with --dry-run)",
  usage: "talknotes merge --conference <slug> --session <slug> --from <session-slug|file|-> [--dry-run]",
  help: [
    "Merges notes taken separately of the same session: threads aligned by meaning, duplicate",
    "answers collapsed to the fuller wording, people matched by name, alias or typo, asides kept",
    "with their note-taker. --from is another session of the conference (its slug) or a file",
    "(plain text, Markdown or talknotes/1 JSON; - reads standard input).",
    "",
    "--dry-run prints the preview from the database and changes nothing (no server needed).",
    "Without it the merge is applied by the running server, which owns the live notes: co-editors",
    "see it at once and History records it. Set TALKNOTES_TOKEN to a personal access token of an",
    "editor (talknotes token create); the server is PUBLIC_URL, else http://localhost:$PORT.",
    "",
    "Options:",
    "  --conference <slug>   conference slug (required)",
    "  --session <slug>      the session to merge into (required)",
    "  --from <slug|file>    the session or file to merge in (required)",
    "  --dry-run             print the preview only",
    "  --keep <id=choice,…>  settle conflicts: left, right or both (default both), by the ids the preview prints",
    "  --note-taker <name>   who took the file's notes, credited in the byline",
    "  --afterwards <what>   keep (default), archive or delete the merged-in session",
  ].join("\n"),
  options: {
    conference: { type: "string", short: "c" },
    session: { type: "string", short: "s" },
    from: { type: "string" },
    "dry-run": { type: "boolean" },
    keep: { type: "string" },
    "note-taker": { type: "string" },
    afterwards: { type: "string" },
  },
  positionals: { min: 0, max: 0, names: "" },
  async run(args, io) {
    const conferenceSlug = stringOption(args, "conference", { required: true })!;
    const sessionSlug = stringOption(args, "session", { required: true })!;
    const fromArg = stringOption(args, "from", { required: true })!;
    const afterwards = stringOption(args, "afterwards", { allowed: ["keep", "archive", "delete"] as const }) ?? "keep";
    const noteTaker = stringOption(args, "note-taker");
    const resolutions = parseKeep(stringOption(args, "keep"));
    const isFile = fromArg === "-" || fs.existsSync(fromArg);
    const from = isFile
      ? {
          text: decodeNotesFile(await readInputBytes(fromArg, io.stdin)),
          fileName: fromArg === "-" ? "standard input" : fromArg,
        }
      : { session: fromArg };
    const request = { from, resolutions, afterwards, ...(noteTaker ? { noteTaker } : {}) };

    const { openCliDatabase } = await import("../open-cli-database");
    const database = await openCliDatabase({ mustExist: true });
    try {
      if (args.values["dry-run"] === true) {
        const { mergeSessionNotes } = await import("../../data/merge-session-notes");
        const preview = await mergeSessionNotes({
          conferenceSlug,
          sessionSlug,
          ...request,
          afterwards: "keep",
          apply: false,
        });
        io.stdout.write(
          `Preview (nothing changed): merging ${describeSource(preview.source)} into ${conferenceSlug}/${sessionSlug}\n`,
        );
        io.stdout.write(formatMergeSummary(preview.report));
        return;
      }
      const token = database.env.cliToken;
      if (!token)
        throw new UsageError(
          "Set TALKNOTES_TOKEN to an editor's personal access token (talknotes token create), or use --dry-run",
        );
      const origin = database.env.publicUrl ?? `http://localhost:${database.env.port}`;
      const url = `${origin}/api/v1/conferences/${encodeURIComponent(conferenceSlug)}/sessions/${encodeURIComponent(sessionSlug)}/merge`;
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ ...request, apply: true }),
        });
      } catch {
        throw new UsageError(`The server at ${origin} does not answer: start it (npm start), or use --dry-run`);
      }
      const body = (await res.json().catch(() => ({}))) as {
        error?: string;
        report?: Parameters<typeof formatMergeSummary>[0];
        source?: Source;
        revision?: { name: string };
        credits?: string[];
      };
      if (!res.ok || !body.report)
        throw new UsageError(`The server refused the merge (${res.status}): ${body.error ?? "no reason given"}`);
      io.stdout.write(
        `Merged ${describeSource(body.source!)} into ${conferenceSlug}/${sessionSlug}: revision "${body.revision?.name}", notes by ${(body.credits ?? []).join(", ") || "nobody recorded"}\n`,
      );
      io.stdout.write(formatMergeSummary(body.report));
      if (afterwards !== "keep")
        io.stdout.write(`${afterwards === "archive" ? "archived" : "deleted"} ${conferenceSlug}/${fromArg}\n`);
    } finally {
      await database.close();
    }
  },
};

type Source = { kind: "session"; slug: string; title: string } | { kind: "file"; name: string };
const describeSource = (s: Source) => (s.kind === "session" ? `session "${s.title}" (${s.slug})` : `file ${s.name}`);

/** "0/1|0/1=left,2/0|3/1=right" -> resolutions. */
function parseKeep(value: string | undefined): Record<string, ConflictChoice> {
  const out: Record<string, ConflictChoice> = {};
  for (const part of (value ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.lastIndexOf("=");
    const choice = part.slice(at + 1);
    if (at <= 0 || !["left", "right", "both"].includes(choice))
      throw new UsageError(`--keep takes <conflict id>=left|right|both, not "${part}"`);
    out[part.slice(0, at)] = choice as ConflictChoice;
  }
  return out;
}
