import dns from "node:dns/promises";
import net from "node:net";
import { AppError } from "../../lib/errors/app-error";
import { isPublicAddress } from "../data/is-public-address";
import { loadSessionDocument } from "../data/load-session-document";
import { destinationSecretContext } from "../data/publish-destinations";
import { getPrisma } from "../db/prisma";
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

/** Statuses "publish all" sends: the sessions whose notes are final enough to be posts. */
const POSTABLE = ["published", "archived"];

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
  const prisma = getPrisma();
  const conference = await prisma.conference.findUnique({ where: { slug: options.conferenceSlug }, select: { id: true, name: true } });
  if (!conference) throw new AppError("not_found", `No conference "${options.conferenceSlug}"`);
  const destination = await prisma.publishDestination.findFirst({
    where: { conferenceId: conference.id, OR: [{ name: options.destination }, { id: options.destination }] },
  });
  if (!destination) throw new AppError("not_found", `Conference "${options.conferenceSlug}" has no destination "${options.destination}"`);

  const sessions = await prisma.session.findMany({
    where: { conferenceId: conference.id, ...(options.sessionSlug !== undefined ? { slug: options.sessionSlug } : { status: { in: POSTABLE } }) },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, slug: true, status: true, publishedAs: { where: { destinationId: destination.id } } },
  });
  if (options.sessionSlug !== undefined && sessions.length === 0) throw new AppError("not_found", `No session "${options.sessionSlug}" in "${options.conferenceSlug}"`);

  const items: PublishItem[] = [];
  for (const s of sessions) {
    // A session being edited right now: publish what its editors see.
    getRuntime()?.collab.refreshReadersCopy(s.id);
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
  const secret = destination.secret ? openSecret(destination.secret, env.secret, destinationSecretContext(conference.id, destination.kind)) : null;
  let publisher: Publisher;
  if (destination.kind === "git") {
    const settings = GitSettings.parse(JSON.parse(destination.settings));
    await checkGitRemote(settings.remote, allowHosts);
    publisher = new GitPublisher(settings, secret, conference.name);
  } else if (destination.kind === "wordpress" || destination.kind === "ghost") {
    if (!secret) throw new AppError("invalid_input", `Destination "${destination.name}" has no ${destination.kind === "ghost" ? "Admin API key" : "application password"}`);
    const known = await prisma.publishedMedia.findMany({ where: { destinationId: destination.id }, select: { hash: true, remoteId: true, url: true } });
    const photos = { store: prismaImageStore(), known: new Map(known.map((m) => [m.hash, m])) };
    const settings = JSON.parse(destination.settings) as unknown;
    publisher =
      destination.kind === "ghost"
        ? new GhostPublisher(GhostSettings.parse(settings), secret, allowHosts, photos)
        : new WordPressPublisher(WordPressSettings.parse(settings), secret, allowHosts, photos);
  } else {
    throw new AppError("invalid_input", `Destination "${destination.name}" is of an unknown kind "${destination.kind}"`);
  }

  const outcomes = await publisher.publish(items);
  const confirmed = outcomes.filter((o) => o.action !== "failed");
  await prisma.$transaction([
    ...confirmed.map((o) =>
      prisma.publishedPost.upsert({
        where: { sessionId_destinationId: { sessionId: o.sessionId, destinationId: destination.id } },
        create: { sessionId: o.sessionId, destinationId: destination.id, remoteId: o.remoteId, contentHash: o.contentHash, url: o.url },
        update: { remoteId: o.remoteId, contentHash: o.contentHash, ...(o.url ? { url: o.url } : {}) },
      }),
    ),
    // The photos the confirmed sessions uploaded: the next run shows the same files instead of uploading again.
    ...confirmed.flatMap((o) =>
      (o.media ?? []).map((m) =>
        prisma.publishedMedia.upsert({
          where: { destinationId_hash: { destinationId: destination.id, hash: m.hash } },
          create: { destinationId: destination.id, hash: m.hash, remoteId: m.remoteId, url: m.url },
          update: { remoteId: m.remoteId, url: m.url },
        }),
      ),
    ),
  ]);
  return {
    destination: destination.name,
    kind: destination.kind,
    results: outcomes.map((o) => ({ slug: o.slug, action: o.action, url: o.action === "failed" ? null : o.url, error: o.action === "failed" ? o.error : null })),
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
    if (!allowHosts.has("file")) throw new AppError("invalid_input", "Local Git remotes are not allowed on this server (the operator can allow them with PUBLISH_ALLOW_HOSTS=file)");
    return;
  }
  const host = (/^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/i.exec(remote)?.[1] ?? /^[^@]+@([^:]+):/.exec(remote)?.[1] ?? "").toLowerCase().replace(/^\[|\]$/g, "");
  if (!host || allowHosts.has(host)) return;
  const addresses = net.isIP(host) ? [host] : await dns.lookup(host, { all: true }).then((a) => a.map((x) => x.address), () => []);
  if (addresses.length === 0) throw new AppError("invalid_input", `Git remote host ${host} does not resolve`);
  if (addresses.some((a) => !isPublicAddress(a))) {
    throw new AppError("invalid_input", `${host} is a private or local address, which publishing does not connect to (the operator can allow a host with PUBLISH_ALLOW_HOSTS)`);
  }
}
