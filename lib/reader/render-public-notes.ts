import type { TalkNotesDocument } from "../interchange/types";
import { sessionImagesPath } from "../images/session-images-path";
import { publicPaths } from "./public-paths";
import { renderKeyMoments } from "./render-key-moments";
import type { ReaderTimes } from "./reader-times";
import { renderReaderNotes } from "./render-reader-notes";
import { renderSpeakerChart } from "./render-speaker-chart";
import { speakerStats } from "./speaker-stats";

/** The live parts of a public session page, as HTML. */
export interface PublicNotesHtml {
  notes: string;
  chart: string;
  /** The "Key moments" list of starred blocks; "" when none is starred. */
  moments: string;
}

/**
 * The notes, the key moments and the "who spoke how much" chart of a session page, with
 * speakers linked to their pages in `conferenceSlug` and photos served from the session's image route. What the page renders
 * first and what live readers are sent on every change: one function, so the
 * two can never differ. `times` shows block times (and links them to the
 * session's recording, or its embedded player when the reader opened it).
 */
export function renderPublicNotes(
  doc: TalkNotesDocument,
  conferenceSlug: string,
  sessionId: string,
  times?: ReaderTimes,
): PublicNotesHtml {
  const personHref = (id: string) => publicPaths.person(conferenceSlug, id);
  return {
    notes: renderReaderNotes(doc, { personHref, times, imageBase: sessionImagesPath(sessionId) }),
    chart: renderSpeakerChart(speakerStats(doc), personHref),
    moments: renderKeyMoments(doc),
  };
}
