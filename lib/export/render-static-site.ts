import type { InterchangeConference, TalkNotesDocument } from "../interchange/types";
import { authorFrontMatter } from "./author-front-matter";
import { documentSlug } from "./document-slug";
import { escapeLineStart } from "./escape-line-start";
import { escapeMarkdown } from "./escape-markdown";
import { formatLongDate } from "./format-long-date";
import { neutraliseTemplateSyntax } from "./neutralise-template-syntax";
import { PAGE_STYLE } from "./page-style";
import { postTitle } from "./post-title";
import { quoteString } from "./quote-string";
import { renderFrontMatter } from "./render-front-matter";
import type { FrontMatterValue } from "./render-front-matter";
import { renderMarkdownBody } from "./render-markdown-body";
import { IMAGE_FALLBACK, imageFileName } from "../images/image-file-name";
import { photosOf } from "../interchange/photos-of";
import { sanitiseDocument } from "./sanitise-document";
import { sanitiseText } from "./sanitise-text";
import { sessionDate } from "./session-date";
import { sessionTags } from "./session-tags";
import { stageNames } from "./stage-names";

export type StaticSiteFlavour = "hugo" | "jekyll";

export interface StaticSiteOptions {
  /**
   * Whether the i-th session is an unpublished draft: Hugo posts then say
   * `draft: true` and Jekyll posts go to `_drafts/`, so neither site
   * generator publishes them by default. Default: none is.
   */
  isDraft?: (index: number) => boolean;
}

/** One file of the generated site, relative to the site root. */
export interface StaticSiteFile {
  path: string;
  content: string;
  /**
   * A photo's file (content ""): the caller fills its bytes from the image
   * store, variant `variant` of photo `hash` of the `session`-th session.
   */
  photo?: { session: number; hash: string; variant: string };
}

/** Relative, forward slashes, no `.`/`..` segments, no odd characters: safe to join onto any output directory. */
function assertSafePath(path: string): string {
  const ok =
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/.test(path) &&
    !path.split("/").some((s) => s === "." || s === "..");
  if (!ok) throw new Error(`refusing unsafe output path ${JSON.stringify(path)}`);
  return path;
}

/** Gives each name a free slot: "x", then "x-2", "x-3"... */
function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}

function eventLine(conference: InterchangeConference): string {
  const date = conference.startsOn ? formatLongDate(conference.startsOn) : null;
  const parts = [conference.location?.trim() ? escapeMarkdown(conference.location) : "", date ?? ""].filter(Boolean);
  return neutraliseTemplateSyntax(escapeLineStart(parts.join(", ")));
}

/** Jekyll's folder for photos, from the site root (links are root-relative: a sub-path site prefixes its baseurl). */
const JEKYLL_IMAGES = "assets/images";

/**
 * A post and its photos' files. Hugo: a post with photos is a page bundle
 * (`content/posts/<slug>/index.md` with the files beside it, linked
 * relatively); Jekyll: the files go to `assets/images/`. Markdown links the
 * JPEG fallback only (Markdown has no srcset), so that is the file written.
 */
function postFiles(
  doc: TalkNotesDocument,
  session: number,
  slug: string,
  flavour: StaticSiteFlavour,
  draft: boolean,
): StaticSiteFile[] {
  const photos = photosOf(doc.blocks);
  const bundle = flavour === "hugo" && photos.length > 0;
  const imageBase = flavour === "hugo" ? "" : `/${JEKYLL_IMAGES}/`;
  const post = postFile(doc, slug, flavour, draft, imageBase, bundle);
  const folder = bundle ? `content/posts/${slug}` : JEKYLL_IMAGES;
  const files = photos.map((p) => ({
    path: assertSafePath(`${folder}/${imageFileName(p.hash, IMAGE_FALLBACK)}`),
    content: "",
    photo: { session, hash: p.hash, variant: IMAGE_FALLBACK },
  }));
  return [post, ...files];
}

function postFile(
  doc: TalkNotesDocument,
  slug: string,
  flavour: StaticSiteFlavour,
  draft: boolean,
  imageBase: string,
  bundle: boolean,
): StaticSiteFile {
  const date = sessionDate(doc);
  const common: Array<[string, FrontMatterValue]> = [
    ["title", postTitle(doc)],
    ["tags", sessionTags(doc)],
    ["event", doc.conference.name],
    ["location", doc.conference.location],
    ["speakers", stageNames(doc)],
    ...authorFrontMatter(doc),
  ];
  const body = neutraliseTemplateSyntax(renderMarkdownBody(doc, { imageBase }));
  if (flavour === "hugo") {
    const frontMatter = renderFrontMatter([
      ["title", postTitle(doc)],
      ["date", doc.session.startsAt ?? date],
      ["slug", slug],
      ["draft", draft],
      ...common.slice(1),
    ]);
    return {
      path: assertSafePath(bundle ? `content/posts/${slug}/index.md` : `content/posts/${slug}.md`),
      content: `${frontMatter}\n${body}`,
    };
  }
  // Jekyll only publishes _posts named YYYY-MM-DD-slug; drafts and undated sessions go to _drafts,
  // which `jekyll build` leaves out unless asked (--drafts).
  const frontMatter = renderFrontMatter([
    ["layout", "post"],
    ["title", postTitle(doc)],
    ["date", doc.session.startsAt ?? date],
    ...common.slice(1),
  ]);
  const path = date && !draft ? `_posts/${date}-${slug}.md` : `_drafts/${slug}.md`;
  return { path: assertSafePath(path), content: `${frontMatter}\n${body}` };
}

function hugoFiles(conference: InterchangeConference): StaticSiteFile[] {
  const head = [
    "<!DOCTYPE html>",
    '<html lang="{{ site.Language.Lang | default "en" }}">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    "<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>",
    `<style>\n${PAGE_STYLE}\n</style>`,
    "</head>",
  ];
  const postList =
    '<ul>\n{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Date }} <time datetime="{{ .Format "2006-01-02" }}">{{ .Format "January 2, 2006" }}</time>{{ end }}</li>\n{{ end }}</ul>';
  return [
    {
      path: "hugo.toml",
      content: [
        'baseURL = "/"',
        'languageCode = "en"',
        `title = ${quoteString(conference.name)}`,
        // Taxonomy pages would need their own templates; tags stay in front matter for themes that want them.
        'disableKinds = ["taxonomy", "term"]',
        // Notes of an upcoming conference are published ahead of its date.
        "buildFuture = true",
        "",
        "[markup.goldmark.renderer]",
        "  # Never render raw HTML from content: notes are user text.",
        "  unsafe = false",
        "",
      ].join("\n"),
    },
    {
      path: "layouts/_default/baseof.html",
      content: [...head, "<body>", "<main>", '{{ block "main" . }}{{ end }}', "</main>", "</body>", "</html>", ""].join(
        "\n",
      ),
    },
    {
      path: "layouts/_default/single.html",
      content: '{{ define "main" }}\n<article>\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n</article>\n{{ end }}\n',
    },
    {
      path: "layouts/_default/list.html",
      content: `{{ define "main" }}\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n{{ with .Pages.ByDate }}${postList}{{ end }}\n{{ end }}\n`,
    },
    {
      path: "layouts/index.html",
      content: `{{ define "main" }}\n<h1>{{ site.Title }}</h1>\n{{ .Content }}\n{{ with (where site.RegularPages "Section" "posts").ByDate }}${postList}{{ end }}\n{{ end }}\n`,
    },
    {
      path: "content/_index.md",
      content: `${renderFrontMatter([["title", conference.name]])}\n${eventLine(conference)}\n`,
    },
  ];
}

function jekyllFiles(conference: InterchangeConference): StaticSiteFile[] {
  return [
    {
      path: "_config.yml",
      content: [
        `title: ${quoteString(conference.name)}`,
        "markdown: kramdown",
        "future: true",
        "kramdown:",
        "  input: GFM",
        "  # Never let content switch raw HTML parsing on.",
        "  parse_block_html: false",
        "  parse_span_html: false",
        "",
      ].join("\n"),
    },
    {
      path: "_layouts/default.html",
      content: [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        "<title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title | escape }}</title>",
        `<style>\n${PAGE_STYLE}\n</style>`,
        "</head>",
        "<body>",
        "<main>",
        "{{ content }}",
        "</main>",
        "</body>",
        "</html>",
        "",
      ].join("\n"),
    },
    {
      path: "_layouts/post.html",
      content: "---\nlayout: default\n---\n<article>\n<h1>{{ page.title | escape }}</h1>\n{{ content }}\n</article>\n",
    },
    {
      path: "_layouts/home.html",
      content:
        '---\nlayout: default\n---\n<h1>{{ site.title | escape }}</h1>\n{{ content }}\n<ul>\n{% for post in site.posts reversed %}<li><a href="{{ post.url | relative_url }}">{{ post.title | escape }}</a> <time datetime="{{ post.date | date: "%Y-%m-%d" }}">{{ post.date | date: "%B %-d, %Y" }}</time></li>\n{% endfor %}</ul>\n',
    },
    {
      path: "index.md",
      content: `${renderFrontMatter([
        ["layout", "home"],
        ["title", conference.name],
      ])}\n${eventLine(conference)}\n`,
    },
  ];
}

/**
 * A ready-to-build content folder for a static site generator, one post per
 * session plus a home page, a minimal config and minimal layouts:
 *
 * - hugo: `content/posts/<slug>.md`, `content/_index.md`, `hugo.toml`
 *   (goldmark `unsafe = false`), `layouts/_default/{baseof,single,list}.html`,
 *   `layouts/index.html`;
 * - jekyll: `_posts/YYYY-MM-DD-<slug>.md` (`_drafts/<slug>.md` when the
 *   session has no date or is a draft), `index.md`, `_config.yml`, `_layouts/*.html`.
 *
 * Paths are built from slugs only and checked, so they are always relative
 * and never climb out (`..`); clashing slugs get `-2`, `-3`. Post bodies have
 * their braces turned into character references so Hugo shortcodes and
 * Liquid in notes never execute.
 */
export function renderStaticSite(
  conference: InterchangeConference,
  sessions: TalkNotesDocument[],
  flavour: StaticSiteFlavour,
  options: StaticSiteOptions = {},
): StaticSiteFile[] {
  const site = {
    ...conference,
    name: sanitiseText(conference.name),
    location: conference.location === null ? null : sanitiseText(conference.location),
  };
  const taken = new Set<string>();
  const posts = sessions.flatMap((raw, i) => {
    const doc = sanitiseDocument(raw);
    return postFiles(doc, i, uniqueSlug(documentSlug(doc), taken), flavour, options.isDraft?.(i) ?? false);
  });
  const scaffold = flavour === "hugo" ? hugoFiles(site) : jekyllFiles(site);
  // A photo shown in several sessions is one file under Jekyll's shared folder.
  const written = new Set<string>();
  return [...scaffold, ...posts]
    .filter((f) => !written.has(f.path) && written.add(f.path))
    .map((f) => ({ ...f, path: assertSafePath(f.path) }));
}
