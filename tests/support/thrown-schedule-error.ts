import { ScheduleError } from "../../lib/schedule/schedule-error";

/** The ScheduleError `fn` throws; anything else it throws is rethrown, and throwing nothing fails. */
export function thrownScheduleError(fn: () => unknown): ScheduleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleError) return e;
    throw e;
  }
  throw new Error("expected a ScheduleError, nothing was thrown");
}
