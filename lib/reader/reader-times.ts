/** How the public page shows block times (see readerTimeLink). */
export interface ReaderTimes {
  /** The conference's zone: times read `hh:mm` on its clock. */
  timeZone: string | null;
  /**
   * The reader opened the embedded player: time links load the player's
   * frame (named {@link RECORDING_FRAME}) at that second instead of opening
   * the platform's page. No script is involved.
   */
  player: boolean;
}

/** The `name` of the embedded player's iframe, which time links target. */
export const RECORDING_FRAME = "recording-player";
