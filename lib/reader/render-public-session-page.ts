import { escapeHtml } from "../export/escape-html";
import { renderAuthorBoxHtml } from "../export/render-author-box-html";
import type { InterchangeAuthor } from "../interchange/types";
import type { EmbedTheme } from "./embed-theme";
import type { InterchangeRecording } from "../interchange/types";
import { recordingEmbedUrl } from "../recording/recording-embed-url";
import { recordingPlatform } from "../recording/recording-platform";
import { recordingTimeLink } from "../recording/recording-time-link";
import { RECORDING_FRAME } from "./reader-times";
import { onStage } from "./on-stage";
import { publicPaths } from "./public-paths";
import { renderEmbedShell } from "./render-embed-shell";

/** What the public session page shows; plain data, so the page renders without React or a database. */
export interface PublicSessionPageData {
  origin: string;
  /** URL of the reader stylesheet (served with a content hash, cached by the browser). */
  stylesheet: string;
  conference: { name: string; slug: string; timezone: string | null };
  session: {
    title: string;
    slug: string;
    kind: string;
    status: string;
    intro: string;
    room: string | null;
    track: string | null;
    startsAt: Date | null;
    updatedAt: Date;
  };
  /** People on the session, any order; audience members are not listed in the header. */
  people: Array<{ id: string; name: string; affiliation: string | null; role: string; position: number }>;
  /** Display names of the note-takers, for the byline ("Notes by …"); empty: no byline. */
  noteTakers?: string[];
  /** The primary note-taker's profile, for the "About the author" box at the end; absent: no box. */
  about?: InterchangeAuthor;
  /** Reader HTML of the notes, the speaker chart and the key moments, already escaped (lib/reader/render-public-notes). */
  html: { notes: string; chart: string; moments?: string };
  /** Identifies the readers' copy; the live stream skips frames the page already shows. */
  version: string;
  /** Number of question threads, for the description. */
  threads: number;
  /**
   * Render the embed (an iframe on another site) instead of the page: the
   * same notes, key moments and live updates without the site's header,
   * breadcrumbs and chart, in the host's theme.
   */
  embed?: { theme: EmbedTheme; refreshSeconds?: number | null };
  /** The session's recording, when it has one. */
  recording?: InterchangeRecording | null;
  /** The reader opened the recording's player on the page (`?player=1`); the notes' time links target it. */
  player?: boolean;
}

const STATUS_LABEL: Record<string, string> = {
  live: "Live",
  published: "Published",
  archived: "Archived",
  draft: "Draft",
};

/**
 * The whole public session page as one HTML document: server-rendered
 * notes, header, panel and chart, and — only while the session is live — a
 * small inline script that follows the Server-Sent Events stream and swaps
 * the notes in place. No framework runtime is sent to readers: the page
 * weighs its HTML and one cached stylesheet. Every user string is escaped
 * here or was escaped by the notes renderer.
 */
export function renderPublicSessionPage(data: PublicSessionPageData): string {
  const { conference, session } = data;
  const e = escapeHtml;
  const url = `${data.origin}${publicPaths.session(conference.slug, session.slug)}`;
  const title = `${session.title} · ${conference.name}`;
  const speakers = onStage(data.people);
  const byline = data.noteTakers?.length
    ? `<p class="byline" data-testid="byline">Notes by ${e(new Intl.ListFormat("en", { type: "conjunction" }).format(data.noteTakers))}</p>`
    : "";
  const description = describe(
    data,
    speakers.map((p) => p.name),
  );
  const when = formatWhen(session.startsAt, conference.timezone);
  const live = session.status === "live";
  const moments = data.html.moments ?? "";
  // Always present (hidden when empty) so a live update can fill it.
  const keyMoments = `<section class="key-moments" id="key-moments" aria-labelledby="moments-heading"${moments ? "" : " hidden"}><h2 id="moments-heading">Key moments</h2><div id="moments">${moments}</div></section>`;
  const liveIndicator = live
    ? `<span class="live-indicator" data-state="connecting" role="status" data-testid="live-indicator">Connecting…</span>`
    : "";
  const liveNews = live
    ? `<p class="sr-only" role="status" aria-live="polite" id="notes-news" data-testid="notes-news"></p>`
    : "";
  // The player variant (`?player=1`) has no script: the live frames carry links to the platform, not the player.
  const liveScripts = live && !data.player ? [liveScript(publicPaths.live(conference.slug, session.slug))] : [];
  const badges = `<span class="badge kind-${e(session.kind)}">${e(session.kind)}</span><span class="badge status-${e(session.status)}">${e(STATUS_LABEL[session.status] ?? session.status)}</span>${liveIndicator}`;

  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="theme-color" media="(prefers-color-scheme: light)" content="#fbfaf7">`,
    `<meta name="theme-color" media="(prefers-color-scheme: dark)" content="#15171a">`,
    `<title>${e(title)} · Talknotes</title>`,
    `<meta name="description" content="${e(description)}">`,
    `<link rel="canonical" href="${e(url)}">`,
    `<link rel="alternate" type="application/atom+xml" href="${e(data.origin + publicPaths.feed(conference.slug))}">`,
    // oEmbed discovery: a CMS given this page's URL finds the embed (app/api/oembed).
    `<link rel="alternate" type="application/json+oembed" href="${e(`${data.origin}/api/oembed?url=${encodeURIComponent(url)}&format=json`)}" title="${e(title)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${e(title)}">`,
    `<meta property="og:description" content="${e(description)}">`,
    `<meta property="og:url" content="${e(url)}">`,
    `<meta property="og:site_name" content="Talknotes">`,
    session.startsAt ? `<meta property="article:published_time" content="${session.startsAt.toISOString()}">` : "",
    `<meta property="article:modified_time" content="${session.updatedAt.toISOString()}">`,
    ...(data.noteTakers ?? []).map((name) => `<meta property="article:author" content="${e(name)}">`),
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${e(title)}">`,
    `<meta name="twitter:description" content="${e(description)}">`,
    `<link rel="stylesheet" href="${e(data.stylesheet)}">`,
  ].filter(Boolean);

  const intro = session.intro
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p class="intro">${e(p)}</p>`)
    .join("");
  const lineup =
    speakers.length > 0
      ? `<ul class="lineup" aria-label="${session.kind === "panel" ? "Panel" : "Speakers"}">${speakers
          .map(
            (p) =>
              `<li><a href="${e(publicPaths.person(conference.slug, p.id))}">${e(p.name)}</a>` +
              (p.affiliation ? `<span class="affiliation">${e(p.affiliation)}</span>` : "") +
              (p.role !== "speaker" && p.role !== "panelist" ? `<span class="role">${e(p.role)}</span>` : "") +
              `</li>`,
          )
          .join("")}</ul>`
      : "";
  const meta = [
    when && session.startsAt ? `<time datetime="${session.startsAt.toISOString()}">${e(when)}</time>` : "",
    session.room ? `<span>${e(session.room)}</span>` : "",
    session.track ? `<span class="track">${e(session.track)}</span>` : "",
  ].join("");

  if (data.embed) {
    const embedBody = `<article class="pub-session embed-session" aria-labelledby="session-title">
<header class="pub-head">
<p class="meta">${badges}</p>
<h1 id="session-title"><a href="${e(url)}">${e(session.title)}</a></h1>
<p class="meta">${meta}</p>${lineup}
</header>
${keyMoments}
<section class="pub-notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2>
<div id="notes" class="reader-notes" data-version="${e(data.version)}">${data.html.notes}</div>${liveNews}</section>
<p class="embed-foot small"><a href="${e(url)}">Open the full notes</a> · ${e(conference.name)} · Talknotes</p>
</article>`;
    return renderEmbedShell({
      title,
      stylesheet: data.stylesheet,
      canonical: url,
      theme: data.embed.theme,
      refreshSeconds: data.embed.refreshSeconds,
      body: embedBody,
      scripts: liveScripts,
    });
  }

  const body = `<header class="site-header"><a href="/" class="brand"><span class="brand-mark" aria-hidden="true">❝</span>Talknotes</a></header>
<main class="site-main"><div class="public">
<nav class="crumbs" aria-label="Breadcrumb"><a href="${e(publicPaths.conference(conference.slug))}">${e(conference.name)}</a></nav>
<article class="pub-session" aria-labelledby="session-title">
<header class="pub-head">
<p class="meta">${badges}</p>
<h1 id="session-title">${e(session.title)}</h1>
<p class="meta">${meta}</p>${intro}${lineup}${byline}
</header>
${keyMoments}
<div class="pub-grid">
<section class="pub-notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2>${recordingPanel(data)}
<div id="notes" class="reader-notes" data-version="${e(data.version)}">${data.html.notes}</div>${liveNews}${data.about ? renderAuthorBoxHtml(data.about) : ""}</section>
<aside class="pub-side" aria-labelledby="chart-heading"><h2 id="chart-heading">Who spoke how much</h2>
<div id="chart">${data.html.chart}</div>
<p class="small side-links"><a href="${e(publicPaths.search(conference.slug))}">Search ${e(conference.name)}</a><a href="${e(publicPaths.feed(conference.slug))}">Atom feed</a></p>
</aside>
</div>
</article>
</div></main>${liveScripts.map((script) => `\n<script>${script}</script>`).join("")}`;

  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head.join("\n")}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/**
 * The recording above the notes. Until the reader asks, only links: to the
 * video's page, and to this page with the player (`?player=1`), so no
 * request reaches the platform before that. With the player, an iframe named
 * RECORDING_FRAME that the notes' time links load at their second: seeking
 * without any script of ours (the live script is left out on this variant).
 */
function recordingPanel(data: PublicSessionPageData): string {
  const platform = data.recording ? recordingPlatform(data.recording.url) : null;
  if (!platform) return "";
  const e = escapeHtml;
  const host = new URL(recordingEmbedUrl(platform, 0)).hostname;
  const page = publicPaths.session(data.conference.slug, data.session.slug);
  if (data.player) {
    return `<div class="recording-player" id="recording" data-testid="recording-player"><iframe name="${RECORDING_FRAME}" title="Recording of ${e(data.session.title)}" src="${e(recordingEmbedUrl(platform, 0))}" allow="autoplay; fullscreen; picture-in-picture; encrypted-media" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"></iframe>
<p class="small">Click a time in the notes to play from there. <a href="${e(page)}">Close the player</a></p></div>`;
  }
  return `<p class="recording-links" data-testid="recording-links"><a href="${e(recordingTimeLink(platform, 0))}">Watch the recording</a> · <a href="${e(`${page}?player=1#recording`)}" rel="nofollow">Play it on this page</a> <span class="small muted">(loads the player from ${e(host)}; the times in the notes then play from their moment)</span></p>`;
}

function describe(data: PublicSessionPageData, names: string[]): string {
  const intro = data.session.intro.trim();
  if (intro) return intro.length > 200 ? `${intro.slice(0, 197)}…` : intro;
  const { session, conference, threads } = data;
  return [
    `Notes of the ${session.kind} "${session.title}" at ${conference.name}`,
    names.length ? ` with ${names.join(", ")}` : "",
    threads ? `: ${threads} question thread${threads === 1 ? "" : "s"}.` : ".",
  ].join("");
}

function formatWhen(startsAt: Date | null, timezone: string | null): string | null {
  if (!startsAt) return null;
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  };
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone: timezone || "UTC" }).format(startsAt);
  } catch {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(startsAt);
  }
}

/**
 * The live reader, as plain browser JavaScript (no bundle, no framework):
 * follows the Server-Sent Events stream, swaps the server-rendered notes,
 * key moments and chart (whichever the page has) in place keeping the thread the reader looks at where it was on
 * screen, shows the state, and retries with backoff when the browser gives up.
 * Screen readers hear new notes politely and batched: at most one "3 new
 * notes" every 10 s (`#notes-news`), never the notes themselves as they change.
 */
function liveScript(src: string): string {
  return `(function(){
var src=${JSON.stringify(src).replace(/</g, "\\u003c")},notes=document.getElementById("notes"),chart=document.getElementById("chart"),moments=document.getElementById("moments"),ind=document.querySelector("[data-testid=live-indicator]");
var current=notes?notes.dataset.version:"",failures=0,ended=false,source=null,news=document.getElementById("notes-news"),added=0,told=0,timer=null;
function count(){return notes?notes.querySelectorAll("li[id],article[id]").length:0;}
function tell(){timer=null;if(!news||added<=0)return;told++;news.textContent=added+(added===1?" new note":" new notes")+(told%2?"":"\u00a0");added=0;}
var LABEL={connecting:"Connecting…",live:"Updating live",offline:"Reconnecting…",ended:"Session ended"};
function state(s){if(ended&&s!=="ended")return;if(ind){ind.dataset.state=s;ind.textContent=LABEL[s];}}
function anchor(){if(!notes)return null;var els=notes.querySelectorAll("[id]");for(var i=0;i<els.length;i++){var r=els[i].getBoundingClientRect();if(r.bottom>0)return{id:els[i].id,top:r.top};}return null;}
function apply(ev){var d=JSON.parse(ev.data);failures=0;if(d.status!=="live"){state("ended");ended=true;if(source)source.close();}
if(d.v===current||!notes)return;current=d.v;var a=anchor(),before=count();notes.innerHTML=d.notes;added+=count()-before;if(added>0&&!timer)timer=setTimeout(tell,10000);if(chart)chart.innerHTML=d.chart;if(moments){moments.innerHTML=d.moments||"";moments.parentNode.hidden=!d.moments;}
var again=a&&document.getElementById(a.id);if(a&&again)window.scrollBy(0,again.getBoundingClientRect().top-a.top);notes.dataset.version=current;}
function connect(){source=new EventSource(src);source.addEventListener("notes",apply);source.onopen=function(){state("live");};
source.onerror=function(){state("offline");if(source.readyState===EventSource.CLOSED&&!ended){failures++;setTimeout(connect,Math.min(30000,1000*Math.pow(2,failures))*(0.75+Math.random()/2));}};}
connect();})();`;
}

/** The 404 page of the public session route: the same for drafts and unknown slugs. */
export function renderPublicNotFoundPage(stylesheet: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Not found · Talknotes</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
<header class="site-header"><a href="/" class="brand"><span class="brand-mark" aria-hidden="true">❝</span>Talknotes</a></header>
<main class="site-main"><div class="public"><h1>Not found</h1><p class="lede">There is no public session at this address.</p></div></main>
</body>
</html>
`;
}
