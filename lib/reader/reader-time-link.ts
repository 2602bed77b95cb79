import type { Block, InterchangeSession } from "../interchange/types";
import { escapeHtml } from "../export/escape-html";
import { recordingEmbedUrl } from "../recording/recording-embed-url";
import { recordingPlatform } from "../recording/recording-platform";
import { recordingSecond } from "../recording/recording-second";
import { recordingTimeLink } from "../recording/recording-time-link";
import { formatClockTime } from "../time/format-clock-time";
import { RECORDING_FRAME, type ReaderTimes } from "./reader-times";

/**
 * The time link a public page puts before a timed block, `hh:mm` in the
 * conference's zone: to the recording at that second on the platform's own
 * page, or (player opened) into the embedded player's frame; to the block's
 * own anchor when there is no recording or the block came before it. "" for
 * a block without a time.
 */
export function readerTimeLink(
  block: Block,
  anchorId: string,
  session: InterchangeSession,
  times: ReaderTimes,
): string {
  if (!block.at) return "";
  const label = formatClockTime(block.at, times.timeZone);
  if (!label) return "";
  const platform = session.recording ? recordingPlatform(session.recording.url) : null;
  const second = platform ? recordingSecond(block.at, session.recording?.startsAt ?? session.startsAt) : null;
  const time = `<time datetime="${escapeHtml(block.at)}">${escapeHtml(label)}</time>`;
  if (!platform || second === null) return `<a class="at" href="#${escapeHtml(anchorId)}">${time}</a> `;
  const minutes = `${Math.floor(second / 60)}:${String(second % 60).padStart(2, "0")}`;
  const href = times.player
    ? recordingEmbedUrl(platform, second, { autoplay: true })
    : recordingTimeLink(platform, second);
  const target = times.player ? ` target="${RECORDING_FRAME}"` : "";
  return `<a class="at" href="${escapeHtml(href)}"${target} aria-label="${escapeHtml(`${label}, ${minutes} into the recording`)}" data-second="${second}">${time}</a> `;
}
