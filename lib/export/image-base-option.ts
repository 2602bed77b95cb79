import type { ExportTimes } from "./export-times";

/** How an export finds the session's photos. */
export interface ImageBaseOption {
  /**
   * Prefix of the photos' file names, ending in "/": the instance's image
   * route for the session (absolute in downloaded files), or "" for files
   * beside the page (a Hugo page bundle). Without it a photo is rendered as
   * its alt text in brackets, since there is nowhere to point.
   */
  imageBase?: string | null;
  /**
   * Where each photo is when every photo has one address of its own (a blog's
   * media library), by photo hash; takes the place of `imageBase`. A photo
   * missing from it is rendered as its alt text, like one with no base.
   */
  imageUrls?: ReadonlyMap<string, string> | null;
}

/** What every export body (Markdown, HTML) may be asked for beyond the notes. */
export interface ExportBodyOptions extends ImageBaseOption {
  /** Show (or link) each block's time; off by default. */
  times?: ExportTimes;
}
