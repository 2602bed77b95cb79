import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { nestedBlocks } from "../interchange/nested-blocks";
import { renderImageFigure } from "../images/render-image-figure";
import { blockTimeStamp } from "./block-time-stamp";
import { byline } from "./byline";
import { escapeHtml } from "./escape-html";
import type { ExportBodyOptions } from "./image-base-option";
import { formatLongDate } from "./format-long-date";
import { keyMoments } from "./key-moments";
import { PAGE_STYLE } from "./page-style";
import { renderAuthorBoxHtml } from "./render-author-box-html";
import { personLabels } from "./person-labels";
import { postTitle } from "./post-title";
import { questionLine } from "./question-line";
import { sanitiseDocument } from "./sanitise-document";
import { sessionDate } from "./session-date";
import { textToHtml } from "./text-to-html";

function describePerson(p: InterchangePerson): string {
  const details = [p.affiliation?.trim(), p.note?.trim()].filter((s): s is string => !!s);
  const name = `<strong>${textToHtml(p.name)}</strong>`;
  return details.length ? `${name} (${details.map(textToHtml).join("; ")})` : name;
}

function fragment(doc: TalkNotesDocument, options: ExportBodyOptions): string {
  const imageBase = options.imageUrls ?? options.imageBase ?? null;
  const times = options.times;
  const labels = personLabels(doc.people);
  const byId = new Map(doc.people.map((p) => [p.id, p]));
  const name = (id: string) => `<strong>${textToHtml(labels.get(id) ?? id)}</strong>`;
  const quote = (text: string) => `"${textToHtml(text)}"`;
  const aside = (text: string) => `<em class="aside">(${textToHtml(text)})</em>`;

  function item(block: Block): string {
    switch (block.type) {
      case "question":
        return questionLine(block, byId, { text: textToHtml, name, quote });
      case "statement":
        return [
          `${block.speaker === null ? "" : `${name(block.speaker)}: `}${quote(block.text)}`,
          ...block.asides.map(aside),
        ].join(" ");
      case "aside":
        return aside(block.text);
      case "note":
        return textToHtml(block.text);
      case "tip":
        return `<strong>Tip:</strong> ${textToHtml(block.text)}`;
      case "image":
        return renderImageFigure(block, imageBase);
      case "talk": {
        const who = speakersOf(block.speakers);
        return `${textToHtml(block.title)}${who.length ? ` (${who.map(describePerson).join(", ")})` : ""}`;
      }
    }
  }

  function speakersOf(ids: readonly string[]): InterchangePerson[] {
    return ids.map((id) => byId.get(id)).filter((p): p is InterchangePerson => !!p);
  }

  function timeStamp(block: Block): string {
    const stamp = blockTimeStamp(block, doc.session, times);
    if (!stamp) return "";
    const time = `<time datetime="${escapeHtml(block.at!)}">${escapeHtml(stamp.label)}</time>`;
    return `${stamp.href ? `<a class="at" href="${escapeHtml(stamp.href)}">${time}</a>` : time} `;
  }

  function list(blocks: readonly Block[]): string {
    if (!blocks.length) return "";
    const items = blocks.map((b) => {
      const nested = list(nestedBlocks(b));
      const cls = b.type === "question" || b.type === "tip" ? ` class="${b.type}"` : "";
      return `<li${cls}>${timeStamp(b)}${item(b)}${nested ? `\n${nested}` : ""}</li>`;
    });
    return `<ul>\n${items.join("\n")}\n</ul>`;
  }

  const out: string[] = [];
  const when = sessionDate(doc);
  const date = when ? formatLongDate(when) : null;
  const place = [
    doc.conference.name.trim() ? `<strong>${textToHtml(doc.conference.name)}</strong>` : "",
    doc.conference.location?.trim() ? textToHtml(doc.conference.location) : "",
  ]
    .filter(Boolean)
    .join(", ");
  const header = [place, date ? `<time datetime="${escapeHtml(when!)}">${date}</time>` : ""]
    .filter(Boolean)
    .join("<br>\n");
  if (header) out.push(`<p class="event">${header}</p>`);
  for (const para of doc.session.intro.split(/\n[\t \u00A0]*\n/)) {
    if (para.trim()) out.push(`<p>${textToHtml(para.trim()).replace(/\n/g, "<br>\n")}</p>`);
  }
  if (doc.session.title.trim())
    out.push(`<p class="session-title"><strong>${textToHtml(doc.session.title)}</strong></p>`);

  const onStage = (role: InterchangePerson["role"]) => doc.people.filter((p) => p.role === role);
  const panel = onStage("panelist").map(describePerson);
  if (panel.length) out.push(`<p class="panel">${panel.join("<br>\n")}</p>`);
  const talksCarrySpeakers = doc.blocks.some((b) => b.type === "talk");
  const speakers = talksCarrySpeakers ? [] : onStage("speaker").map((p) => `Speaker: ${describePerson(p)}`);
  const moderators = onStage("moderator").map((p) => `Moderator: ${describePerson(p)}`);
  if (speakers.length || moderators.length)
    out.push(`<p class="speakers">${[...speakers, ...moderators].join("<br>\n")}</p>`);
  const moments = keyMoments(doc.blocks)
    .map(item)
    .filter((html) => html.trim() !== "");
  if (moments.length)
    out.push(
      `<p class="key-moments-title"><strong>Key moments</strong></p>\n<ul class="key-moments">\n${moments.map((m) => `<li>${m}</li>`).join("\n")}\n</ul>`,
    );

  let pending: Block[] = [];
  const flush = () => {
    if (pending.length) out.push(list(pending));
    pending = [];
  };
  for (const block of doc.blocks) {
    if (block.type !== "talk") {
      pending.push(block);
      continue;
    }
    flush();
    out.push(`<h2>${textToHtml(block.title) || "Untitled talk"}</h2>`);
    const who = speakersOf(block.speakers);
    if (who.length)
      out.push(
        `<p class="speakers">${who.length > 1 ? "Speakers" : "Speaker"}: ${who.map(describePerson).join(", ")}</p>`,
      );
    pending = [...block.children];
    flush();
  }
  flush();
  const credit = byline(doc.authors);
  if (credit) out.push(`<p class="byline">${escapeHtml(credit)}</p>`);
  const about = renderAuthorBoxHtml(doc.authors?.[0]);
  if (about) out.push(about);
  return `${out.join("\n")}\n`;
}

/**
 * The notes as clean semantic HTML to paste into WordPress, Ghost or Medium:
 * paragraphs and nested lists, names in <strong>, asides in
 * <em class="aside">, starred blocks listed under "Key moments" first, no scripts, no styles, no ids. All text is escaped;
 * only http(s)/mailto URLs become links (and, with `times` in `link` mode,
 * each block's time to the recording). The post title is not included
 * (blog editors have their own title field).
 */
export function renderHtmlFragment(doc: TalkNotesDocument, options: ExportBodyOptions = {}): string {
  return fragment(sanitiseDocument(doc), options);
}

/**
 * A standalone HTML5 page of the notes: charset and viewport meta, the post
 * title, a small inline stylesheet that follows the reader's light/dark
 * preference, and a Content-Security-Policy that forbids scripts outright,
 * as a second line of defence behind the escaping.
 */
export function renderHtmlPage(doc: TalkNotesDocument, options: ExportBodyOptions = {}): string {
  const clean = sanitiseDocument(doc);
  // Photos load from the instance that exported the page (which may be plain http on a LAN).
  const imageOrigin = /^https?:\/\/[^/"'\s;]+/.exec(options.imageBase ?? "")?.[0];
  const title = escapeHtml(postTitle(clean));
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:${imageOrigin ? ` ${imageOrigin}` : ""}">`,
    `<title>${title}</title>`,
    `<style>\n${PAGE_STYLE}\n</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<article>",
    `<h1>${title}</h1>`,
    fragment(clean, options).trimEnd(),
    "</article>",
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
