/** Error codes shared by the server, route handlers, server actions and the CLI. */
export type AppErrorCode =
  "not_found" | "invalid_input" | "conflict" | "forbidden" | "unauthorized" | "too_large" | "rate_limited";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  too_large: 413,
  rate_limited: 429,
};

/** A failure a person can act on: a code for machines, a sentence for people. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field-level problems, e.g. { name: "Name is required" }. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}
