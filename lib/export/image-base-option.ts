/** How an export finds the session's photos. */
export interface ImageBaseOption {
  /**
   * Prefix of the photos' file names, ending in "/": the instance's image
   * route for the session (absolute in downloaded files), or "" for files
   * beside the page (a Hugo page bundle). Without it a photo is rendered as
   * its alt text in brackets, since there is nowhere to point.
   */
  imageBase?: string | null;
}
