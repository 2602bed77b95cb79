/** Why a schedule file was refused. Readers are all-or-nothing: any error means nothing was imported. */
export type ScheduleErrorCode = "malformed" | "wrong-format" | "missing-field" | "too-large" | "unsafe-xml";

/** One thing wrong with a schedule file, named by where it is. */
export interface ScheduleProblem {
  code: ScheduleErrorCode;
  /** Where: a JSON path (`schedule.conference.days[1].rooms["Saal 1"][3].title`) or an XML event/element path. */
  place: string;
  /** What, e.g. `missing <title>` or `expected a string, got number`. */
  detail: string;
}

/** Most problems listed in one error; a file broken everywhere needs the first few, not thousands. */
export const MAX_LISTED_PROBLEMS = 10;

/**
 * The one error schedule readers throw. `code` is stable for callers (CLI exit
 * messages, HTTP status mapping); `message` is for a person and names the
 * place of every listed problem. `problemCount` counts all problems found,
 * `problems` holds at most {@link MAX_LISTED_PROBLEMS} of them.
 */
export class ScheduleError extends Error {
  override readonly name = "ScheduleError";
  readonly code: ScheduleErrorCode;
  readonly problems: ScheduleProblem[];
  readonly problemCount: number;

  constructor(
    code: ScheduleErrorCode,
    message: string,
    problems: ScheduleProblem[] = [],
    problemCount = problems.length,
  ) {
    super(message);
    this.code = code;
    this.problems = problems.slice(0, MAX_LISTED_PROBLEMS);
    this.problemCount = problemCount;
  }

  /**
   * Builds the error for a list of validation problems (`total` counts those
   * found but not listed too). The code is the first problem's, so a file
   * whose first fault is a missing title reads as `missing-field` however
   * many other problems follow.
   */
  static fromProblems(label: string, problems: ScheduleProblem[], total: number = problems.length): ScheduleError {
    const first = problems[0];
    if (!first) throw new Error("ScheduleError.fromProblems needs at least one problem");
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const lines = listed.map((p) => `${p.place}: ${p.detail}`);
    const message =
      total === 1
        ? `${label}: ${lines[0]}`
        : `${label} has ${total} problems${total > listed.length ? ` (first ${listed.length} listed)` : ""}:\n` +
          lines.map((l) => `- ${l}`).join("\n");
    return new ScheduleError(first.code, message, listed, total);
  }
}
