import { renderAtomFeed } from "../../lib/reader/render-atom-feed";
import { publicPaths } from "../../lib/reader/public-paths";
import { renderReaderNotes } from "../../lib/reader/render-reader-notes";
import { sessionImagesPath } from "../../lib/images/session-images-path";
import { getPublicConference } from "./public-conference";
import { onStage } from "../../lib/reader/on-stage";
import { loadSessionDocument } from "./load-session-document";
import { noteTakers } from "./note-takers";

/**
 * The Atom feed of a conference's public sessions, newest change first, each
 * entry carrying the session's full notes as HTML with absolute links.
 * `origin` is the site's absolute origin (e.g. https://notes.example.org).
 * Throws not_found like the conference page.
 */
export async function conferenceFeed(conferenceSlug: string, origin: string): Promise<string> {
  const conference = await getPublicConference(conferenceSlug);
  const abs = (path: string) => `${origin}${path}`;
  const writers = await noteTakers(conference.sessions.map((s) => s.id));
  const entries = await Promise.all(
    conference.sessions.map(async (s) => {
      const doc = await loadSessionDocument(s.id);
      const url = abs(publicPaths.session(conference.slug, s.slug));
      const people = onStage(s.people).map((p) => p.person.name);
      const threads = doc.blocks.filter((b) => b.type === "question").length;
      const summary = [
        `${s.kind[0]!.toUpperCase()}${s.kind.slice(1)}${people.length ? ` with ${people.join(", ")}` : ""}.`,
        threads ? `${threads} question thread${threads === 1 ? "" : "s"}.` : "",
        s.status === "live" ? "Live now." : "",
      ]
        .filter(Boolean)
        .join(" ");
      return {
        id: url,
        title: s.title,
        updated: s.updatedAt.toISOString(),
        published: (s.startsAt ?? s.createdAt).toISOString(),
        url,
        // The entry's authors are whoever wrote the notes; the speakers are in the summary.
        authors: writers.get(s.id) ?? [],
        summary,
        contentHtml: renderReaderNotes(doc, {
          personHref: (id) => abs(publicPaths.person(conference.slug, id)),
          imageBase: abs(sessionImagesPath(s.id)),
        }),
        categories: [s.kind, ...(s.track ? [s.track] : [])],
      };
    }),
  );
  entries.sort((a, b) => b.updated.localeCompare(a.updated));
  return renderAtomFeed({
    id: abs(publicPaths.conference(conference.slug)),
    title: `${conference.name}: talk notes`,
    subtitle: [conference.location, conference.startsOn].filter(Boolean).join(", ") || null,
    updated: entries[0]?.updated ?? conference.updatedAt.toISOString(),
    selfUrl: abs(publicPaths.feed(conference.slug)),
    alternateUrl: abs(publicPaths.conference(conference.slug)),
    author: conference.name,
    entries,
  });
}
