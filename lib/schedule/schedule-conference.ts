import { dropUndefined } from "./drop-undefined";
import { formatUtcOffset } from "./format-utc-offset";
import { slugifyAcronym } from "./slugify-acronym";
import type { ScheduleConference } from "./types";

/**
 * The conference as a schedule file describes it: its acronym is the
 * external id and the slug; the days it spans ("" where nothing says); its
 * zone is the named one, else the file's own UTC offset, else UTC.
 */
export function scheduleConference(read: {
  acronym: string | undefined;
  name: string | undefined;
  startsOn: string | undefined;
  endsOn: string | undefined;
  timeZoneName: string | undefined;
  fileOffset: number | null;
  url: string | undefined;
}): ScheduleConference {
  return dropUndefined({
    externalId: read.acronym,
    name: read.name ?? "",
    slug: read.acronym ? slugifyAcronym(read.acronym) : undefined,
    startsOn: read.startsOn ?? "",
    endsOn: read.endsOn ?? "",
    timezone: read.timeZoneName ?? (read.fileOffset === null ? "UTC" : formatUtcOffset(read.fileOffset)),
    url: read.url,
  });
}
