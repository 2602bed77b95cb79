import type { TalkNotesDocument } from "../../lib/interchange/types";

/** One session to publish. */
export interface PublishItem {
  sessionId: string;
  /** The session's slug, for reports. */
  slug: string;
  doc: TalkNotesDocument;
  /** The session is a draft here: Git sites mark it a draft (not built by default). */
  draft: boolean;
  /** What this destination holds for it from the last successful publish; null: never published there. */
  previous: { remoteId: string; contentHash: string } | null;
}

/** A photo in a destination's media library. */
export interface PublishedMediaFile {
  /** The photo's hash (SessionImage.hash). */
  hash: string;
  remoteId: string;
  url: string;
}

/** What happened to one session. */
export type PublishOutcome =
  | {
      sessionId: string;
      slug: string;
      action: "created" | "updated" | "skipped";
      remoteId: string;
      contentHash: string;
      url: string | null;
      /** Photos uploaded for this session in this run, to remember (the destination has a media library). */
      media?: PublishedMediaFile[];
    }
  | { sessionId: string; slug: string; action: "failed"; error: string };

/**
 * A destination's client. `publish` sends what changed and reports each
 * session; a failure of the whole run (unreachable, refused credentials, a
 * rejected push) is thrown as an AppError whose message is the destination's
 * own, with no secret in it.
 */
export interface Publisher {
  publish(items: readonly PublishItem[]): Promise<PublishOutcome[]>;
}
