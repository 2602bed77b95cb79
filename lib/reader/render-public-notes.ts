import type { TalkNotesDocument } from "../interchange/types";
import { sessionImagesPath } from "../images/session-images-path";
import { publicPaths } from "./public-paths";
import { renderReaderNotes } from "./render-reader-notes";
import { renderSpeakerChart } from "./render-speaker-chart";
import { speakerStats } from "./speaker-stats";

/** The two live parts of a public session page, as HTML. */
export interface PublicNotesHtml {
  notes: string;
  chart: string;
}

/**
 * The notes and the "who spoke how much" chart of a session page, with
 * speakers linked to their pages in `conferenceSlug` and photos served from the session's image route. What the page renders
 * first and what live readers are sent on every change: one function, so the
 * two can never differ.
 */
export function renderPublicNotes(doc: TalkNotesDocument, conferenceSlug: string, sessionId: string): PublicNotesHtml {
  const personHref = (id: string) => publicPaths.person(conferenceSlug, id);
  return { notes: renderReaderNotes(doc, { personHref, imageBase: sessionImagesPath(sessionId) }), chart: renderSpeakerChart(speakerStats(doc), personHref) };
}
