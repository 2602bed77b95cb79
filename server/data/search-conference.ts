import { escapeHtml } from "../../lib/export/escape-html";
import { publicPaths } from "../../lib/reader/public-paths";
import { getStores } from "../get-stores";
import { getPublicConference } from "./public-conference";
import { MATCH_END, MATCH_START } from "./search-index";

/** One search result, ready to show: where it is and an escaped excerpt with <mark>ed matches. */
export interface SearchResult {
  href: string;
  sessionTitle: string;
  sessionSlug: string;
  speaker: string | null;
  speakerHref: string | null;
  snippetHtml: string;
}

/**
 * Full-text search across a conference's public notes (SQLite FTS5), best
 * match first, each result linking to its thread or statement anchor on the
 * session page. Throws not_found like the conference page.
 */
export async function searchConference(conferenceSlug: string, query: string) {
  const conference = await getPublicConference(conferenceSlug);
  const bySession = new Map(conference.sessions.map((s) => [s.id, s]));
  const hits = await getStores().search.search(conference.id, query);
  const results: SearchResult[] = [];
  for (const hit of hits) {
    const session = bySession.get(hit.sessionId);
    if (!session) continue;
    results.push({
      href: `${publicPaths.session(conference.slug, session.slug)}#${hit.blockId}`,
      sessionTitle: session.title,
      sessionSlug: session.slug,
      speaker: hit.speaker || null,
      speakerHref: hit.speakerId ? publicPaths.person(conference.slug, hit.speakerId) : null,
      snippetHtml: escapeHtml(hit.snippet).replaceAll(MATCH_START, "<mark>").replaceAll(MATCH_END, "</mark>"),
    });
  }
  return { conference, results };
}
