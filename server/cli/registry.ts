import type { CliCommand } from "./cli-command";

/** A command as listed by `talknotes --help`; its module loads only when it runs (convert never loads Prisma). */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/**
 * Every `talknotes` command (README.md, "Command line", shows each in use). To
 * add one, write commands/<name>.ts exporting a CliCommand and add a line here; a
 * two-word name like "user create" is matched before one-word names.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "convert",
    summary: "Convert plain-text/Markdown notes to talknotes/1 JSON, a Markdown post or an HTML page",
    load: async () => (await import("./commands/convert")).convertCommand,
  },
  {
    name: "import-notes",
    summary: "Import a notes file as a new session of a conference",
    load: async () => (await import("./commands/import-notes")).importNotesCommand,
  },
  {
    name: "export",
    summary: "Export a conference's notes as Markdown, HTML, JSON or a Hugo/Jekyll site",
    load: async () => (await import("./commands/export")).exportCommand,
  },
  {
    name: "import-schedule",
    summary: "Import or re-import a conference schedule (pretalx JSON or frab XML)",
    load: async () => (await import("./commands/import-schedule")).importScheduleCommand,
  },
  {
    name: "user create",
    summary: "Create an account (the first account becomes the instance admin)",
    load: async () => (await import("./commands/user-create")).userCreateCommand,
  },
  {
    name: "token create",
    summary: "Create a personal access token for an account (printed once)",
    load: async () => (await import("./commands/token-create")).tokenCreateCommand,
  },
  {
    name: "publish",
    summary: "Publish a session, or every draft and live session of a conference",
    load: async () => (await import("./commands/publish")).publishCommand,
  },
  {
    name: "merge",
    summary: "Merge another session's notes, or a notes file, into a session (--dry-run: preview)",
    load: async () => (await import("./commands/merge")).mergeCommand,
  },
  {
    name: "archive",
    summary: "Archive a conference's live and published sessions (read-only after the event)",
    load: async () => (await import("./commands/archive")).archiveCommand,
  },
];
