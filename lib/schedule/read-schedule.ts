import { checkScheduleSize } from "./check-schedule-size";
import { readFrabSchedule } from "./read-frab-schedule";
import { readPretalxSchedule } from "./read-pretalx-schedule";
import { ScheduleError } from "./schedule-error";
import type { ReadScheduleOptions, ScheduleImport } from "./types";

/**
 * Reads a schedule file in whichever format it is: JSON (pretalx /
 * schedule.json) or XML (frab / pentabarf). The content decides; the
 * `filename` extension (`.json`, `.xml`) is only a tie-breaker for text that
 * starts like neither, so its reader can say precisely what is wrong.
 * Throws `ScheduleError` (`wrong-format` for anything else).
 */
export function readSchedule(text: string, filename?: string, options: ReadScheduleOptions = {}): ScheduleImport {
  checkScheduleSize(text, options.maxBytes);
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "<") return readFrabSchedule(text, options);
  if (first === "{" || first === "[") return readPretalxSchedule(text, options);
  const extension = filename?.toLowerCase().match(/\.(json|xml)$/)?.[1];
  if (extension === "json") return readPretalxSchedule(text, options);
  if (extension === "xml") return readFrabSchedule(text, options);
  throw new ScheduleError(
    "wrong-format",
    first === undefined
      ? `Schedule file${filename ? ` ${filename}` : ""} is empty.`
      : `Schedule file${filename ? ` ${filename}` : ""} is neither JSON (pretalx) nor XML (frab): it starts with ${JSON.stringify(text.trimStart().slice(0, 20))}.`,
  );
}
