import { escapeHtml } from "../export/escape-html";
import { sanitiseText } from "../export/sanitise-text";

/** One entry of an Atom feed; every string is plain text except `contentHtml`. */
export interface AtomEntry {
  /** Permanent, absolute IRI of the entry (its page URL). */
  id: string;
  title: string;
  /** ISO date-time of the last change. */
  updated: string;
  /** ISO date-time of first publication, when known. */
  published?: string | null;
  /** Absolute URL of the entry's page. */
  url: string;
  authors: string[];
  summary: string;
  /** HTML of the entry's content (escaped into the feed as type="html"). */
  contentHtml: string;
  categories?: string[];
}

/** An Atom 1.0 feed (RFC 4287). */
export interface AtomFeed {
  /** Permanent, absolute IRI of the feed. */
  id: string;
  title: string;
  subtitle?: string | null;
  /** ISO date-time: the newest entry's `updated`, or when the feed changed. */
  updated: string;
  /** Absolute URL of the feed itself (rel="self"). */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed mirrors (rel="alternate"). */
  alternateUrl: string;
  /** Feed-level author, required by RFC 4287 when an entry has none. */
  author: string;
  entries: AtomEntry[];
}

const x = (text: string) => escapeHtml(sanitiseText(text));

/**
 * Renders an Atom 1.0 document. Text goes through the one HTML escaping
 * helper (its output is also valid XML); entry content is HTML escaped into
 * `<content type="html">` so feed readers render it, and never raw markup.
 */
export function renderAtomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    <id>${x(e.id)}</id>`,
      `    <title type="text">${x(e.title)}</title>`,
      `    <updated>${x(e.updated)}</updated>`,
      e.published ? `    <published>${x(e.published)}</published>` : null,
      `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      ...e.authors.map((a) => `    <author><name>${x(a)}</name></author>`),
      ...(e.categories ?? []).map((c) => `    <category term="${x(c)}"/>`),
      `    <summary type="text">${x(e.summary)}</summary>`,
      `    <content type="html">${x(e.contentHtml)}</content>`,
      "  </entry>",
    ]
      .filter((l): l is string => l !== null)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${x(feed.id)}</id>`,
    `  <title type="text">${x(feed.title)}</title>`,
    feed.subtitle ? `  <subtitle type="text">${x(feed.subtitle)}</subtitle>` : null,
    `  <updated>${x(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.alternateUrl)}"/>`,
    `  <author><name>${x(feed.author)}</name></author>`,
    '  <generator uri="https://github.com/talknotes">Talknotes</generator>',
    ...entries,
    "</feed>",
    "",
  ]
    .filter((l): l is string => l !== null)
    .join("\n");
}
