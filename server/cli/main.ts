import { parseArgs } from "node:util";
import type { CliCommand, CliIo } from "./cli-command";
import { describeError } from "./describe-error";
import { COMMANDS, type CommandEntry } from "./registry";
import { UsageError } from "./usage-error";

const PROCESS_IO: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/**
 * Runs `talknotes <command> ...` and returns the exit code: 0 on success,
 * 1 when the command failed, 2 when the command line is wrong. Errors are
 * one line on stderr ("talknotes <command>: <what to fix>"); only
 * unexpected ones add a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? findEntry(argv.slice(1)) : null;
    const text = topic ? commandHelp(await topic.entry.load()) : overview();
    if (first === undefined) {
      io.stderr.write(text);
      return 2;
    }
    io.stdout.write(text);
    return 0;
  }
  if (first === "--version" || first === "-v") {
    io.stdout.write("talknotes 0.1.0\n");
    return 0;
  }

  const found = findEntry(argv);
  if (!found) {
    io.stderr.write(`talknotes: unknown command "${first}"; run "talknotes --help" for the list\n`);
    return 2;
  }
  const command = await found.entry.load();
  try {
    const args = parseCommandLine(command, argv.slice(found.words));
    if (args === "help") {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    await command.run(args, io);
    return 0;
  } catch (err) {
    const report = describeError(err);
    const hint = report.exitCode === 2 ? ` (see "talknotes ${command.name} --help")` : "";
    io.stderr.write(`talknotes ${command.name}: ${report.message}${hint}\n`);
    if (report.unexpected && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return report.exitCode;
  }
}

/** The entry named by the first one or two words, two-word names first. */
function findEntry(argv: readonly string[]): { entry: CommandEntry; words: number } | null {
  const two = argv.slice(0, 2).join(" ");
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo && argv.length >= 2) return { entry: byTwo, words: 2 };
  const byOne = COMMANDS.find((c) => c.name === argv[0]);
  return byOne ? { entry: byOne, words: 1 } : null;
}

function parseCommandLine(command: CliCommand, rest: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    // parseArgs explains itself in a first sentence, then adds advice about "--" that does not apply here.
    const message = err instanceof Error ? (err.message.split(". ")[0] ?? err.message) : String(err);
    throw new UsageError(message.replace(/\.$/, ""));
  }
  if (parsed.values.help) return "help" as const;
  const { min, max, names } = command.positionals;
  const n = parsed.positionals.length;
  if (n < min) throw new UsageError(`Missing ${names}`);
  if (n > max) {
    const extra = parsed.positionals
      .slice(max)
      .map((p) => JSON.stringify(p))
      .join(" ");
    throw new UsageError(`Unexpected argument${n - max > 1 ? "s" : ""} ${extra}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  return { values, positionals: parsed.positionals };
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: talknotes <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "talknotes <command> --help" for a command\'s options.',
    "The database is DATABASE_URL (default file:./data/talknotes.db).",
    "",
  ].join("\n");
}

function commandHelp(command: CliCommand): string {
  return `Usage: ${command.usage}\n\n${command.summary}.\n\n${command.help}\n`;
}
