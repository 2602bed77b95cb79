import { readableAccent } from "./readable-accent";
import { escapeHtml } from "../export/escape-html";
import type { EmbedTheme } from "./embed-theme";

/** The parts of an embed document that differ from one embed to another. */
export interface EmbedShellData {
  title: string;
  /** URL of the reader stylesheet (the public page's own). */
  stylesheet: string;
  /** The public page this embed shows (absolute), for search engines and the "open" link. */
  canonical: string | null;
  theme: EmbedTheme;
  /** Reload after this many seconds (a room embed switching to the next session); null: never. */
  refreshSeconds?: number | null;
  /** The body's HTML, already escaped. */
  body: string;
  /** Inline scripts to run after the body (the live reader). */
  scripts?: string[];
}

/**
 * The whole HTML document of an embed: the public page's stylesheet, the
 * host's theme (`data-theme`, an accent colour, both validated by
 * parseEmbedTheme), links opening outside the frame (the other pages refuse
 * to be framed), and a few inline lines that tell the host page the
 * content's height whenever it changes (postMessage; see docs/embed.md for
 * the host's side). No script files: like the public page, it weighs its
 * HTML and one cached stylesheet.
 */
export function renderEmbedShell(data: EmbedShellData): string {
  const e = escapeHtml;
  const { theme, accent } = data.theme;
  const htmlAttrs = [
    `lang="en"`,
    `class="embed"`,
    theme ? `data-theme="${theme}"` : "",
    accent ? `style="${accentStyle(accent, theme)}"` : "",
  ].filter(Boolean);
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="robots" content="noindex">`,
    data.refreshSeconds ? `<meta http-equiv="refresh" content="${Math.max(5, Math.round(data.refreshSeconds))}">` : "",
    `<title>${e(data.title)}</title>`,
    data.canonical ? `<link rel="canonical" href="${e(data.canonical)}">` : "",
    `<link rel="stylesheet" href="${e(data.stylesheet)}">`,
    // Every link leaves the frame: the pages it would open refuse to be framed.
    `<base target="_blank">`,
  ].filter(Boolean);
  const scripts = [...(data.scripts ?? []), RESIZE_SCRIPT].map((s) => `<script>${s}</script>`).join("\n");
  return `<!DOCTYPE html>\n<html ${htmlAttrs.join(" ")}>\n<head>\n${head.join("\n")}\n</head>\n<body>\n<main id="embed-root" class="embed-root">\n${data.body}\n</main>\n${scripts}\n</body>\n</html>\n`;
}

/**
 * Tells the parent page the content's height (`{ type: "talknotes:embed-height",
 * height }`) on load and whenever it changes: live notes arriving, the frame
 * made narrower. Nothing is sent when the page is not framed. The message
 * carries no data of the page, so any parent may read it ("*").
 */
const RESIZE_SCRIPT = `(function(){if(window.parent===window)return;var root=document.getElementById("embed-root"),last=-1;
function send(){var h=Math.ceil(root.getBoundingClientRect().height);if(h===last)return;last=h;window.parent.postMessage({type:"talknotes:embed-height",height:h},"*");}
if(window.ResizeObserver)new ResizeObserver(send).observe(root);window.addEventListener("load",send);send();})();`;

/**
 * The accent as custom properties, made readable on the scheme it is shown
 * in (readableAccent): one value for a forced theme, `light-dark()` when the
 * embed follows the reader's system (`color-scheme: light dark` on :root).
 */
function accentStyle(accent: string, theme: "light" | "dark" | null): string {
  const light = readableAccent(accent, "light");
  const dark = readableAccent(accent, "dark");
  const value = theme === "light" ? light : theme === "dark" ? dark : `light-dark(${light}, ${dark})`;
  return `--accent:${value};--accent-soft:color-mix(in srgb, ${theme === "dark" ? dark : theme === "light" ? light : accent} 16%, var(--bg))`;
}
