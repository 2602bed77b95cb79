/**
 * Whether and how exports show when each block was said: `show` puts the
 * block's `hh:mm` (in `timeZone`, the conference's; UTC when null) before it,
 * `link` makes that time a link to the session's recording at that moment
 * (shown unlinked when the session has no recording or the block comes before it).
 */
export interface ExportTimes {
  mode: "show" | "link";
  timeZone: string | null;
}

/** The modes, for inputs that choose one (CLI flags, query strings). */
export const EXPORT_TIME_MODES = ["show", "link"] as const;
