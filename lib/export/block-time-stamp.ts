import type { Block, InterchangeSession } from "../interchange/types";
import { recordingPlatform } from "../recording/recording-platform";
import { recordingSecond } from "../recording/recording-second";
import { recordingTimeLink } from "../recording/recording-time-link";
import { formatClockTime } from "../time/format-clock-time";
import type { ExportTimes } from "./export-times";

/**
 * What an export writes before a block for its time: the `hh:mm` label and,
 * in `link` mode with a recording that covers the block, the URL of the
 * recording at that second. Null when times are off or the block has none.
 */
export function blockTimeStamp(
  block: Block,
  session: InterchangeSession,
  times: ExportTimes | undefined,
): { label: string; href: string | null } | null {
  if (!times || !block.at) return null;
  const label = formatClockTime(block.at, times.timeZone);
  if (!label) return null;
  if (times.mode !== "link" || !session.recording) return { label, href: null };
  const platform = recordingPlatform(session.recording.url);
  const second = recordingSecond(block.at, session.recording.startsAt ?? session.startsAt);
  return { label, href: platform && second !== null ? recordingTimeLink(platform, second) : null };
}
