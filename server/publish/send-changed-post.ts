import { createHash } from "node:crypto";
import type { PublishedMediaFile, PublishItem, PublishOutcome } from "./publisher";

/** What a blog answered for the post it created or updated. */
export interface SentPost {
  action: "created" | "updated";
  remoteId: string;
  url: string | null;
}

/**
 * Sends one session's post to a blog (WordPress, Ghost) unless it is
 * unchanged: the payload is hashed, and a session whose payload hashes as at
 * its last publish to this blog is skipped without a request. `uploaded`,
 * the photos uploaded for the session in this run, is reported either way so
 * the destination remembers them.
 */
export async function sendChangedPost(
  item: PublishItem,
  payload: unknown,
  uploaded: PublishedMediaFile[],
  send: () => Promise<SentPost>,
): Promise<PublishOutcome> {
  const contentHash = createHash("sha256").update(JSON.stringify(payload)).digest("hex");
  const unchanged = item.previous?.contentHash === contentHash ? item.previous : null;
  const sent = unchanged ? { action: "skipped" as const, remoteId: unchanged.remoteId, url: null } : await send();
  return {
    sessionId: item.sessionId,
    slug: item.slug,
    action: sent.action,
    remoteId: sent.remoteId,
    contentHash,
    url: sent.url,
    media: uploaded,
  };
}
