import { MAX_LISTED_PROBLEMS, ScheduleError, type ScheduleErrorCode, type ScheduleProblem } from "./schedule-error";

/**
 * Collects validation problems while a reader walks the whole file, so one
 * error can list the first ten places to fix instead of stopping at the
 * first. Counts every problem, keeps only what will be listed.
 */
export class ScheduleProblemList {
  private readonly kept: ScheduleProblem[] = [];
  private count = 0;

  constructor(private readonly label: string) {}

  add(code: ScheduleErrorCode, place: string, detail: string): void {
    this.count++;
    if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push({ code, place, detail });
  }

  get size(): number {
    return this.count;
  }

  /** Throws one `ScheduleError` listing the problems, if there are any. */
  throwIfAny(): void {
    if (this.count === 0) return;
    throw ScheduleError.fromProblems(this.label, this.kept, this.count);
  }
}
