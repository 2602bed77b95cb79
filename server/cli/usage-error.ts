/** The command line itself is wrong (unknown option, missing argument): exit code 2 and a pointer to --help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
