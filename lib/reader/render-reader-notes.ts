import type { Block, InterchangePerson, TalkNotesDocument } from "../interchange/types";
import { escapeHtml } from "../export/escape-html";
import { personLabels } from "../export/person-labels";
import { sanitiseDocument } from "../export/sanitise-document";
import { textToHtml } from "../export/text-to-html";
import { renderImageFigure } from "../images/render-image-figure";
import { ASIDE_LABEL } from "./aside-label";
import { blockAnchors } from "./block-anchors";
import { readerTimeLink } from "./reader-time-link";
import type { ReaderTimes } from "./reader-times";

export interface ReaderNotesOptions {
  /** URL of a person's speaker page, or null to name them without a link. */
  personHref: (personId: string) => string | null;
  /** Show each timed block's time as a link (to the recording when there is one); off when absent. */
  times?: ReaderTimes;
  /** Where the session's photos are served (ending in "/", see sessionImagesPath); without it photos show their alt text. */
  imageBase?: string | null;
}

/**
 * The notes of a session as the public reads them: an HTML fragment with
 * every question thread in its own `<article id="q-N">` under a heading
 * (screen readers jump thread to thread) with a permalink, statements as list
 * items `id="s-N"` naming their speaker with a link to the speaker's page,
 * asides labelled as the note-taker's (visibly, parentheses kept) and tips
 * marked up for styling; with `times`, each timed block starts with its
 * time as a link into the recording (readerTimeLink).
 * All text is escaped and only http(s)/mailto URLs become links. The same
 * string is served in the page and pushed to live readers.
 */
export function renderReaderNotes(input: TalkNotesDocument, options: ReaderNotesOptions): string {
  const doc = sanitiseDocument(input);
  const anchors = blockAnchors(doc.blocks);
  const labels = personLabels(doc.people);
  const byId = new Map(doc.people.map((p) => [p.id, p]));
  const hasTalks = doc.blocks.some((b) => b.type === "talk");
  const threadLevel = hasTalks ? 4 : 3;
  const at = (block: Block, id: string) => (options.times ? readerTimeLink(block, id, doc.session, options.times) : "");

  const who = (id: string | null, cls: string): string => {
    if (id === null) return "";
    const person = byId.get(id);
    const label = escapeHtml(labels.get(id) ?? person?.name ?? id);
    // Sighted readers see the short label ("Jody") with the full name on hover; screen readers hear the
    // full name and affiliation ("Jody Mulkey, Shopzilla"). A link says it in its aria-label, so feed
    // readers (no stylesheet) do not show the name twice.
    const full = person ? escapeHtml(describe(person)) : "";
    const title = full ? ` title="${full}"` : "";
    const named = full && full !== label;
    const href = options.personHref(id);
    return href
      ? `<a class="${cls}" href="${escapeHtml(href)}"${title}${named ? ` aria-label="${full}"` : ""}>${label}</a>`
      : `<span class="${cls}"${title}>${named ? `<span aria-hidden="true">${label}</span><span class="sr-only">${full}</span>` : label}</span>`;
  };
  // Parentheses are text (they survive copying and reader modes), the label is visible: the note-taker's words never read as the speaker's.
  const aside = (text: string) =>
    `<span class="aside"><span class="aside-label">${ASIDE_LABEL}</span> (${textToHtml(text)})</span>`;

  // A starred block (a key moment) is marked where it stands too, so the summary's links land on something visible.
  const star = (block: Block) =>
    block.starred === true
      ? `<span class="key-moment" title="Key moment"><span aria-hidden="true">★</span><span class="sr-only">Key moment:</span></span> `
      : "";
  const starred = (block: Block) => (block.starred === true ? " starred" : "");

  function item(block: Exclude<Block, { type: "question" } | { type: "talk" }>): string {
    const id = anchors.get(block)!;
    switch (block.type) {
      case "statement": {
        // "Jody Mulkey, Shopzilla: …" when read aloud.
        const speaker = block.speaker === null ? "" : `${who(block.speaker, "who")}<span class="sr-only">:</span>`;
        const asides = block.asides.map(aside).join(" ");
        const said = `<span class="said">${textToHtml(block.text)}</span>`;
        const body = [speaker, said, asides].filter(Boolean).join(" ");
        const cls = block.speaker === null ? "statement continued" : "statement";
        return `<li class="${cls}${starred(block)}" id="${id}">${at(block, id)}${star(block)}${body}${list(block.children)}</li>`;
      }
      case "aside":
        return `<li class="aside-block${starred(block)}" id="${id}">${at(block, id)}${star(block)}${aside(block.text)}</li>`;
      case "tip":
        return `<li class="tip${starred(block)}" id="${id}">${at(block, id)}${star(block)}<strong class="tip-label">Tip</strong> ${textToHtml(block.text)}${list(block.children)}</li>`;
      case "note":
        return `<li class="note${starred(block)}" id="${id}">${at(block, id)}${star(block)}${textToHtml(block.text)}${list(block.children)}</li>`;
      case "image":
        return `<li class="photo-block${starred(block)}">${at(block, id)}${star(block)}${renderImageFigure(block, options.imageBase ?? null, ` id="${id}"`)}</li>`;
    }
  }

  function thread(block: Extract<Block, { type: "question" }>): string {
    const id = anchors.get(block)!;
    const asker = block.askedBy === null ? "" : `<span class="asked-by">${who(block.askedBy, "who")} asks</span> `;
    const heading =
      `<h${threadLevel} class="thread-q" id="${id}-h">${at(block, id)}${star(block)}<span class="sr-only">Question: </span>${asker}<span class="q-text">${textToHtml(block.text)}</span>` +
      ` <a class="permalink" href="#${id}" aria-label="Link to this thread">#</a></h${threadLevel}>`;
    const answers = block.answers.length
      ? list(block.answers, "answers")
      : `<p class="no-answers">No answers noted yet.</p>`;
    return `<article class="thread${starred(block)}" id="${id}" aria-labelledby="${id}-h">${heading}${answers}</article>`;
  }

  function list(blocks: readonly Block[], cls = "notes-list"): string {
    if (!blocks.length) return "";
    // A question nested inside a list (e.g. under a note) still renders as a thread inside its item.
    const items = blocks.map((b) =>
      b.type === "question"
        ? `<li class="nested-thread">${thread(b)}</li>`
        : b.type === "talk"
          ? `<li>${talk(b)}</li>`
          : item(b),
    );
    return `<ul class="${cls}">${items.join("")}</ul>`;
  }

  function talk(block: Extract<Block, { type: "talk" }>): string {
    const id = anchors.get(block)!;
    const speakers = block.speakers.map((s) => who(s, "who")).filter(Boolean);
    const by = speakers.length ? `<p class="talk-by">${speakers.join(", ")}</p>` : "";
    return `<section class="talk${starred(block)}" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${at(block, id)}${star(block)}${textToHtml(block.title) || "Untitled talk"}</h3>${by}${sequence(block.children)}</section>`;
  }

  /** Top-level flow: threads and talks stand alone; runs of other blocks become one list. */
  function sequence(blocks: readonly Block[]): string {
    const out: string[] = [];
    let run: Block[] = [];
    const flush = () => {
      if (run.length) out.push(list(run));
      run = [];
    };
    for (const b of blocks) {
      if (b.type === "question") {
        flush();
        out.push(thread(b));
      } else if (b.type === "talk") {
        flush();
        out.push(talk(b));
      } else run.push(b);
    }
    flush();
    return out.join("\n");
  }

  return sequence(doc.blocks);
}

function describe(p: InterchangePerson): string {
  return [p.name, p.affiliation?.trim()].filter(Boolean).join(", ");
}
