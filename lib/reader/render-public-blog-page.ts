import { escapeHtml } from "../export/escape-html";
import { publicPaths } from "./public-paths";

/** One dated entry of a conference's blog index. */
export interface PublicBlogEntry {
  title: string;
  slug: string;
  kind: string;
  /** When the session took place (else when it was created): the entry's date. */
  date: Date;
  excerpt: string;
  /** Display names of the note-takers. */
  authors: string[];
}

/** What the blog index page shows; plain data, rendered without React or a database. */
export interface PublicBlogPageData {
  origin: string;
  stylesheet: string;
  conference: { name: string; slug: string; location: string | null; timezone: string | null };
  entries: PublicBlogEntry[];
  /** 1-based page number and the number of pages. */
  page: number;
  pages: number;
}

/**
 * A conference's notes as a blog reads: one dated entry per public session,
 * newest first, with an excerpt, the byline and a "Read the notes" link,
 * paged with older/newer links — the 2010 blog's front page beside the
 * agenda. One HTML document with the reader stylesheet and no script at all.
 */
export function renderPublicBlogPage(data: PublicBlogPageData): string {
  const e = escapeHtml;
  const { conference } = data;
  const list = new Intl.ListFormat("en", { type: "conjunction" });
  const pageUrl = (n: number) => publicPaths.blog(conference.slug, n);
  const day = (d: Date) => {
    try {
      return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: conference.timezone || "UTC" }).format(d);
    } catch {
      return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(d);
    }
  };
  const title = `${conference.name}: the notes${data.page > 1 ? ` (page ${data.page})` : ""}`;
  const entries = data.entries
    .map((entry) => {
      const href = e(publicPaths.session(conference.slug, entry.slug));
      return `<article class="blog-entry">
<p class="meta"><time datetime="${entry.date.toISOString()}">${e(day(entry.date))}</time><span class="badge kind-${e(entry.kind)}">${e(entry.kind)}</span></p>
<h2><a href="${href}">${e(entry.title)}</a></h2>
${entry.excerpt ? `<p class="excerpt">${e(entry.excerpt)}</p>` : ""}${entry.authors.length ? `<p class="byline">Notes by ${e(list.format(entry.authors))}</p>` : ""}
<p class="small read-more"><a href="${href}" aria-label="Read the notes: ${e(entry.title)}">Read the notes</a></p>
</article>`;
    })
    .join("\n");
  const pager = [
    data.page > 1 ? `<a rel="prev" href="${e(pageUrl(data.page - 1))}">Newer notes</a>` : "",
    data.page < data.pages ? `<a rel="next" href="${e(pageUrl(data.page + 1))}">Older notes</a>` : "",
  ].filter(Boolean);
  const canonical = `${data.origin}${pageUrl(data.page)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} · Talknotes</title>
<meta name="description" content="${e(`Talk notes from ${conference.name}${conference.location ? `, ${conference.location}` : ""}, newest first.`)}">
<link rel="canonical" href="${e(canonical)}">
<link rel="alternate" type="application/atom+xml" href="${e(data.origin + publicPaths.feed(conference.slug))}">
<link rel="stylesheet" href="${e(data.stylesheet)}">
</head>
<body>
<header class="site-header"><a href="/" class="brand"><span class="brand-mark" aria-hidden="true">❝</span>Talknotes</a></header>
<main class="site-main"><div class="public">
<nav class="crumbs" aria-label="Breadcrumb"><a href="${e(publicPaths.conference(conference.slug))}">${e(conference.name)}</a></nav>
<header class="pub-head"><p class="eyebrow">Talk notes, newest first</p><h1>${e(conference.name)}</h1>
<p class="meta"><a href="${e(publicPaths.conference(conference.slug))}">Agenda</a><a href="${e(publicPaths.feed(conference.slug))}">Atom feed</a></p></header>
<div class="blog-index">
${entries || `<p class="lede">No notes here yet.</p>`}
</div>
${pager.length ? `<nav class="pager" aria-label="More notes">${pager.join("")}<span class="small">Page ${data.page} of ${data.pages}</span></nav>` : ""}
</div></main>
</body>
</html>
`;
}
