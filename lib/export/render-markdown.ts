import type { TalkNotesDocument } from "../interchange/types";
import { documentSlug } from "./document-slug";
import type { ExportBodyOptions } from "./image-base-option";
import { postTitle } from "./post-title";
import { renderFrontMatter } from "./render-front-matter";
import { renderMarkdownBody } from "./render-markdown-body";
import { sanitiseDocument } from "./sanitise-document";
import { sessionDate } from "./session-date";
import { sessionTags } from "./session-tags";
import { stageNames } from "./stage-names";

export interface RenderMarkdownOptions extends ExportBodyOptions {
  /** Emit the YAML front matter block. Default true. */
  frontMatter?: boolean;
}

/**
 * The session's notes as a CommonMark/GFM blog post: YAML front matter
 * (title from the conference's title template, date, slug, tags, event,
 * location, speakers) followed by the conventional 2010 layout. All user
 * text renders literally: Markdown and HTML in it are escaped.
 */
export function renderMarkdown(doc: TalkNotesDocument, options: RenderMarkdownOptions = {}): string {
  const clean = sanitiseDocument(doc);
  const body = renderMarkdownBody(clean, options);
  if (options.frontMatter === false) return body;
  const frontMatter = renderFrontMatter([
    ["title", postTitle(clean)],
    ["date", sessionDate(clean)],
    ["slug", documentSlug(clean)],
    ["tags", sessionTags(clean)],
    ["event", clean.conference.name],
    ["location", clean.conference.location],
    ["speakers", stageNames(clean)],
  ]);
  return `${frontMatter}\n${body}`;
}
