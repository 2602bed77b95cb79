import dns from "node:dns/promises";
import net from "node:net";
import { AppError } from "../../lib/errors/app-error";
import { isPublicAddress } from "../data/is-public-address";
import { loadSessionDocument } from "../data/load-session-document";
import { destinationSecretContext } from "../data/publish-destinations";
import { POSTABLE, publishedMediaOf, readPublishRun, recordPublished } from "../data/publish-run-records";
import { readEnv } from "../env";
import { prismaImageStore } from "../images/prisma-image-store";
import { getRuntime } from "../runtime";
import { GhostSettings, GitSettings, WordPressSettings } from "./destination-settings";
import { GhostPublisher } from "./ghost-publisher";
import { GitPublisher } from "./git-publisher";
import type { PublishReport } from "./publish-report";
import type { PublishItem, Publisher } from "./publisher";
import { openSecret } from "./secret-box";
import { WordPressPublisher } from "./wordpress-publisher";

export interface PublishToDestinationOptions {
  conferenceSlug: string;
  /** The destination's name or id. */
  destination: string;
  /** Only this session (whatever its status: a draft goes as a draft to Git sites); default every published and archived session. */
  sessionSlug?: string;
  /** Connect to any address (the operator's CLI); otherwise PUBLISH_ALLOW_HOSTS rules private and local addresses. */
  anyAddress?: boolean;
}

/**
 * Publishes sessions of a conference to one of its destinations and reports,
 * per session, what was created, updated, skipped or failed. The remote id
 * of each post is stored per session and destination, so the next run
 * updates the same post; photos uploaded to a media library are remembered
 * per destination and photo hash, so they are uploaded once. Only what the
 * destination confirmed is recorded: a
 * failed run (or a failed session) leaves our records as they were, and can
 * simply be run again. Errors carry the destination's own message, never the
 * credential.
 */
export async function publishToDestination(options: PublishToDestinationOptions): Promise<PublishReport> {
  const { conference, destination, sessions } = await readPublishRun(options);

  const items: PublishItem[] = [];
  for (const s of sessions) {
    // A session being edited right now: publish what its editors see.
    await getRuntime()?.collab.refreshReadersCopy(s.id);
    const previous = s.publishedAs[0];
    items.push({
      sessionId: s.id,
      slug: s.slug,
      doc: await loadSessionDocument(s.id),
      draft: !["live", ...POSTABLE].includes(s.status),
      previous: previous ? { remoteId: previous.remoteId, contentHash: previous.contentHash } : null,
    });
  }

  const env = readEnv();
  const allowHosts = options.anyAddress ? null : new Set(env.publishAllowHosts);
  const secret = destination.secret
    ? openSecret(destination.secret, env.secret, destinationSecretContext(conference.id, destination.kind))
    : null;
  let publisher: Publisher;
  if (destination.kind === "git") {
    const settings = GitSettings.parse(JSON.parse(destination.settings));
    await checkGitRemote(settings.remote, allowHosts);
    publisher = new GitPublisher(settings, secret, conference.name);
  } else if (destination.kind === "wordpress" || destination.kind === "ghost") {
    if (!secret)
      throw new AppError(
        "invalid_input",
        `Destination "${destination.name}" has no ${destination.kind === "ghost" ? "Admin API key" : "application password"}`,
      );
    const photos = { store: prismaImageStore(), known: await publishedMediaOf(destination.id) };
    const settings = JSON.parse(destination.settings) as unknown;
    publisher =
      destination.kind === "ghost"
        ? new GhostPublisher(GhostSettings.parse(settings), secret, allowHosts, photos)
        : new WordPressPublisher(WordPressSettings.parse(settings), secret, allowHosts, photos);
  } else {
    throw new AppError(
      "invalid_input",
      `Destination "${destination.name}" is of an unknown kind "${destination.kind}"`,
    );
  }

  const outcomes = await publisher.publish(items);
  await recordPublished(destination.id, outcomes);
  return {
    destination: destination.name,
    kind: destination.kind,
    results: outcomes.map((o) => ({
      slug: o.slug,
      action: o.action,
      url: o.action === "failed" ? null : o.url,
      error: o.action === "failed" ? o.error : null,
    })),
  };
}

/**
 * A Git remote the server may push to: a local path only where the operator
 * allowed local remotes (`file` in PUBLISH_ALLOW_HOSTS) or from the CLI; a
 * network remote's host must resolve to public addresses unless allowed (git
 * resolves it again itself, so this is a check, not a pin).
 */
async function checkGitRemote(remote: string, allowHosts: ReadonlySet<string> | null): Promise<void> {
  if (allowHosts === null) return;
  const local = /^(file:\/\/)?\//.test(remote);
  if (local) {
    if (!allowHosts.has("file"))
      throw new AppError(
        "invalid_input",
        "Local Git remotes are not allowed on this server (the operator can allow them with PUBLISH_ALLOW_HOSTS=file)",
      );
    return;
  }
  const host = (
    /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(remote)?.[1] ??
    /^[^@]+@([^:]+):/.exec(remote)?.[1] ??
    ""
  )
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (!host || allowHosts.has(host)) return;
  const addresses = net.isIP(host)
    ? [host]
    : await dns.lookup(host, { all: true }).then(
        (a) => a.map((x) => x.address),
        () => [],
      );
  if (addresses.length === 0) throw new AppError("invalid_input", `Git remote host ${host} does not resolve`);
  if (addresses.some((a) => !isPublicAddress(a))) {
    throw new AppError(
      "invalid_input",
      `${host} is a private or local address, which publishing does not connect to (the operator can allow a host with PUBLISH_ALLOW_HOSTS)`,
    );
  }
}
