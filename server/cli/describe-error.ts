import { AppError, type AppErrorCode } from "../../lib/errors/app-error";
import { ImportError } from "../../lib/import/import-error";
import { InterchangeError } from "../../lib/interchange/interchange-error";
import { EnvError } from "../env";
import { UsageError } from "./usage-error";

/** What the CLI prints for a failure and the exit code it ends with. */
export interface ErrorReport {
  /** One line for stderr, without the "talknotes <command>:" prefix. */
  message: string;
  exitCode: 1 | 2;
  /** True for failures nobody foresaw (bugs): the stack is worth printing. */
  unexpected: boolean;
}

const APP_HINT: Partial<Record<AppErrorCode, string>> = {
  not_found: "check the slug and DATABASE_URL",
  conflict: "it already exists",
};

const FS_ERRORS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EISDIR: "it is a directory, not a file",
  ENOTDIR: "a parent of it is not a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EEXIST: "it already exists",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
};

/**
 * Turns whatever a command threw into one line a person can act on: usage
 * mistakes exit 2, refused input and missing things exit 1, and anything
 * else is reported as unexpected (exit 1, with its stack).
 */
export function describeError(err: unknown): ErrorReport {
  if (err instanceof UsageError) return { message: err.message, exitCode: 2, unexpected: false };
  if (err instanceof ImportError) return { message: err.message, exitCode: 1, unexpected: false };
  if (err instanceof InterchangeError) return { message: err.message, exitCode: 1, unexpected: false };
  if (err instanceof EnvError) {
    return { message: `invalid configuration: ${err.problems.join("; ")}`, exitCode: 1, unexpected: false };
  }
  if (err instanceof AppError) {
    const hint = APP_HINT[err.code];
    return { message: hint ? `${err.message} (${hint})` : err.message, exitCode: 1, unexpected: false };
  }
  const fsError = err as NodeJS.ErrnoException;
  if (err instanceof Error && typeof fsError.code === "string" && FS_ERRORS[fsError.code]) {
    const where = fsError.path ? `"${fsError.path}"` : "a file";
    const verb =
      fsError.syscall === "open" || fsError.syscall === "read" || fsError.syscall === "scandir"
        ? "cannot read"
        : "cannot use";
    return { message: `${verb} ${where}: ${FS_ERRORS[fsError.code]}`, exitCode: 1, unexpected: false };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { message: `unexpected error: ${oneLine(message)}`, exitCode: 1, unexpected: true };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
