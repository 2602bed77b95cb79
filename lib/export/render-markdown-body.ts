import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { blockTimeStamp } from "./block-time-stamp";
import { byline } from "./byline";
import { escapeLineStart } from "./escape-line-start";
import { escapeMarkdown } from "./escape-markdown";
import { formatLongDate } from "./format-long-date";
import { keyMoments } from "./key-moments";
import type { ExportBodyOptions } from "./image-base-option";
import { personLabels } from "./person-labels";
import { questionLine } from "./question-line";
import { nestedBlocks } from "../interchange/nested-blocks";
import { IMAGE_FALLBACK, imageFileName } from "../images/image-file-name";
import { sessionDate } from "./session-date";

/** `Name (Company; note)` in Markdown, the panel-list convention. */
function describePerson(p: InterchangePerson): string {
  const details = [p.affiliation?.trim(), p.note?.trim()].filter((s): s is string => !!s);
  const name = escapeMarkdown(p.name);
  return details.length ? `${name} (${details.map(escapeMarkdown).join("; ")})` : name;
}

/** Lines of one paragraph joined by CommonMark hard breaks. */
function hardBreakLines(lines: string[]): string {
  return lines.map(escapeLineStart).join("\\\n");
}

function introParagraphs(intro: string): string[] {
  return intro
    .split(/\n[\t \u00A0]*\n/)
    .map((p) => escapeLineStart(escapeMarkdown(p)))
    .filter((p) => p !== "");
}

/**
 * Renders the body of the blog post (no front matter) as CommonMark/GFM in
 * the conventional 2010 conference-blogger layout: event header, intro,
 * session title, panel and moderator lines, the starred blocks under
 * "Key moments" (when any), then the notes as nested
 * bullets, Ignite talks as `##` sections. The document is trusted to be
 * sanitised (see sanitiseDocument); all its text is escaped here. With
 * `times`, a timed bullet starts with its `hh:mm` (a link to the recording
 * in `link` mode), the shape the notes importer reads back.
 */
export function renderMarkdownBody(doc: TalkNotesDocument, options: ExportBodyOptions = {}): string {
  const times = options.times;
  const labels = personLabels(doc.people);
  const byId = new Map(doc.people.map((p) => [p.id, p]));
  const label = (id: string) => escapeMarkdown(labels.get(id) ?? id);
  const quote = (text: string) => `"${escapeMarkdown(text)}"`;
  const asides = (list: readonly string[]) => list.map((a) => ` (${escapeMarkdown(a)})`).join("");

  function item(block: Block): string {
    switch (block.type) {
      case "question":
        return questionLine(block, byId, { text: escapeMarkdown, name: label, quote });
      case "statement":
        return `${block.speaker === null ? "" : `${label(block.speaker)}: `}${quote(block.text)}${asides(block.asides)}`;
      case "aside":
        return `(${escapeMarkdown(block.text)})`;
      case "note":
        return escapeMarkdown(block.text);
      case "tip":
        return `Tip: ${escapeMarkdown(block.text)}`;
      case "image": {
        // The JPEG fallback: Markdown has no srcset, and every renderer shows a JPEG.
        const caption = block.caption.trim() ? ` *${escapeMarkdown(block.caption.trim())}*` : "";
        if (options.imageBase == null)
          return `\\[Photo${block.alt.trim() ? `: ${escapeMarkdown(block.alt)}` : ""}\\]${caption}`;
        return `![${escapeMarkdown(block.alt)}](${options.imageBase}${imageFileName(block.hash, IMAGE_FALLBACK)})${caption}`;
      }
      case "talk": {
        const who = block.speakers.map((id) => byId.get(id)).filter((p): p is InterchangePerson => !!p);
        return `${escapeMarkdown(block.title)}${who.length ? ` (${who.map(describePerson).join(", ")})` : ""}`;
      }
    }
  }

  function timed(block: Block): string {
    const stamp = blockTimeStamp(block, doc.session, times);
    const text = item(block);
    if (!stamp) return escapeLineStart(text);
    return `${stamp.href ? `[${stamp.label}](<${stamp.href}>)` : stamp.label} ${text}`;
  }

  /**
   * An empty block (the blank paragraph an editor leaves at the end, a
   * question not yet typed) would render as a bare `-` bullet: it is left
   * out, and whatever was nested under it takes its place.
   */
  function isEmpty(block: Block): boolean {
    if (block.type === "statement" && block.asides.some((a) => a.trim() !== "")) return false;
    if (block.type === "image") return false;
    return (block.type === "talk" ? block.title : block.text).trim() === "";
  }

  function list(blocks: readonly Block[], depth: number): string[] {
    const indent = "  ".repeat(depth);
    return blocks.flatMap((b) =>
      isEmpty(b)
        ? list(nestedBlocks(b), depth)
        : [`${indent}- ${timed(b)}`.trimEnd(), ...list(nestedBlocks(b), depth + 1)],
    );
  }

  const sections: string[] = [];
  const when = sessionDate(doc);
  const date = when ? formatLongDate(when) : null;
  const where = doc.conference.location?.trim() ? `, ${escapeMarkdown(doc.conference.location)}` : "";
  const eventName = escapeMarkdown(doc.conference.name);
  sections.push(
    [`${eventName ? `**${eventName}**` : ""}${where}`.replace(/^, /, ""), date ?? ""].filter(Boolean).join("\\\n"),
  );
  sections.push(...introParagraphs(doc.session.intro));
  if (doc.session.title.trim()) sections.push(`**${escapeMarkdown(doc.session.title)}**`);

  const onStage = (role: InterchangePerson["role"]) => doc.people.filter((p) => p.role === role);
  const panel = onStage("panelist").map(describePerson);
  if (panel.length) sections.push(hardBreakLines(panel));
  const talksCarrySpeakers = doc.blocks.some((b) => b.type === "talk");
  const speakers = talksCarrySpeakers ? [] : onStage("speaker").map((p) => `Speaker: ${describePerson(p)}`);
  const moderators = onStage("moderator").map((p) => `Moderator: ${describePerson(p)}`);
  if (speakers.length || moderators.length) sections.push(hardBreakLines([...speakers, ...moderators]));
  // Starred blocks, one line each, above the notes (what a reader in a hurry wants first). `*` bullets:
  // CommonMark starts a new list when the bullet changes, so this list never merges into the notes' `-` list.
  const moments = keyMoments(doc.blocks).filter((b) => !isEmpty(b));
  if (moments.length)
    sections.push("**Key moments**", moments.map((b) => `* ${escapeLineStart(item(b))}`.trimEnd()).join("\n"));

  let pending: Block[] = [];
  const flush = () => {
    if (pending.length) sections.push(list(pending, 0).join("\n"));
    pending = [];
  };
  for (const block of doc.blocks) {
    if (block.type !== "talk") {
      pending.push(block);
      continue;
    }
    flush();
    sections.push(`## ${escapeMarkdown(block.title) || "Untitled talk"}`);
    const who = block.speakers.map((id) => byId.get(id)).filter((p): p is InterchangePerson => !!p);
    if (who.length)
      sections.push(
        escapeLineStart(`${who.length > 1 ? "Speakers" : "Speaker"}: ${who.map(describePerson).join(", ")}`),
      );
    pending = [...block.children];
    flush();
  }
  flush();

  // The 2010 posts end with who took the notes and an "About the author" box.
  const credit = byline(doc.authors);
  if (credit) sections.push(`*${escapeLineStart(escapeMarkdown(credit))}*`);
  const primary = doc.authors?.[0];
  if (primary && (primary.bio?.trim() || primary.link?.trim())) {
    sections.push(`**About ${escapeMarkdown(primary.name)}**`);
    sections.push(...introParagraphs(primary.bio ?? ""));
    // An autolink, percent-encoding everything but plain URL characters, so nothing in it reads as Markdown.
    if (primary.link && /^https?:\/\/\S+$/i.test(primary.link))
      sections.push(`<${primary.link.replace(/[^A-Za-z0-9\-.~:/?#@!$&'+,;=%]/gu, encodeURIComponent)}>`);
  }

  return `${sections.filter((s) => s.trim() !== "").join("\n\n")}\n`;
}
