import type { ParseArgsConfig } from "node:util";

/** Where a command reads and writes; the real process streams, or buffers in tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Parsed command line of one command (node:util parseArgs, strict). */
export interface CliArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * One `talknotes` command. Each lives in its own file in commands/ and is
 * listed in registry.ts; main.ts parses its options, prints its help and
 * turns what it throws into a message and an exit code.
 */
export interface CliCommand {
  /** Words after `talknotes`, e.g. "convert" or "token create". */
  name: string;
  /** One line for `talknotes --help`. */
  summary: string;
  /** Synopsis, e.g. "talknotes convert <file|-> --to json|md|html [--out file]". */
  usage: string;
  /** Paragraphs shown by `talknotes <name> --help` under the synopsis. */
  help: string;
  /** Options for parseArgs; `--help` is added for every command. Only string and boolean, no `multiple`. */
  options: NonNullable<ParseArgsConfig["options"]>;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number; names: string };
  /** Runs the command; throws UsageError, AppError, ImportError... for main to report. */
  run(args: CliArgs, io: CliIo): Promise<void>;
}
