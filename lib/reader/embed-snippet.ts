import { escapeHtml } from "../export/escape-html";

/** What a host page pastes to show an embed; see {@link embedSnippet}. */
export interface EmbedSnippetOptions {
  /** The site's origin, e.g. "https://notes.example.org": the only sender the host's script listens to. */
  origin: string;
  /** The embed's path and query, e.g. "/embed/devopsday/keynote?theme=dark". */
  path: string;
  /** Names the frame for screen readers ("Live notes: Keynote"). */
  title: string;
  /** Starting height in pixels, before the embed reports its own. */
  height: number;
  /** Width in pixels; omitted: the host's column (100%). */
  width?: number;
}

/**
 * The `<iframe>` a conference site pastes, and the few lines that let the
 * frame grow and shrink with its content: they accept a height only from this
 * site's origin and only for the frame that sent it, so other frames and
 * other sites cannot resize anything. Without the script (a CMS that strips
 * scripts) the frame keeps its starting height and scrolls.
 */
export function embedSnippet(options: EmbedSnippetOptions): string {
  const e = escapeHtml;
  const width = options.width ? String(options.width) : "100%";
  const origin = JSON.stringify(options.origin).replace(/</g, "\\u003c");
  return (
    `<iframe src="${e(options.origin + options.path)}" title="${e(options.title)}" width="${width}" height="${options.height}" ` +
    `style="border:0;max-width:100%" loading="lazy"></iframe>\n` +
    `<script>addEventListener("message",function(e){var d=e.data;if(e.origin!==${origin}||!d||d.type!=="talknotes:embed-height")return;` +
    `var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.min(Math.max(+d.height||0,80),20000)+"px";});</script>`
  );
}
