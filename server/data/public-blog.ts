import type { PublicBlogEntry } from "../../lib/reader/render-public-blog-page";
import { notesExcerpt } from "../../lib/reader/notes-excerpt";
import { loadSessionDocument } from "./load-session-document";
import { getPublicConference } from "./public-conference";

/** Entries per page of a conference's blog index. */
export const BLOG_PAGE_SIZE = 10;

/**
 * One page of a conference's blog index: its public sessions newest first
 * (by when they took place, else when they were created), with an excerpt
 * and the note-takers. Only the page's sessions are loaded. A page past the
 * end is the last page. Throws not_found like the conference page.
 */
export async function publicBlogPage(conferenceSlug: string, page: number) {
  const conference = await getPublicConference(conferenceSlug);
  const sessions = [...conference.sessions].sort(
    (a, b) => (b.startsAt ?? b.createdAt).getTime() - (a.startsAt ?? a.createdAt).getTime(),
  );
  const pages = Math.max(1, Math.ceil(sessions.length / BLOG_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const entries: PublicBlogEntry[] = [];
  for (const s of sessions.slice((current - 1) * BLOG_PAGE_SIZE, current * BLOG_PAGE_SIZE)) {
    const doc = await loadSessionDocument(s.id);
    entries.push({
      title: s.title,
      slug: s.slug,
      kind: s.kind,
      date: s.startsAt ?? s.createdAt,
      excerpt: notesExcerpt(doc),
      authors: (doc.authors ?? []).map((a) => a.name),
    });
  }
  return { conference, entries, page: current, pages };
}
