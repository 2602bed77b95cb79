import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { readEnv } from "../env";
import {
  DestinationInput,
  type DestinationKind,
  type GhostSettings,
  GitSettings,
  WordPressSettings,
} from "../publish/destination-settings";
import { sealSecret } from "../publish/secret-box";
import { parseInput } from "./parse-input";

/** A destination as owners see it: the settings, never the credential. */
export interface DestinationSummary {
  id: string;
  name: string;
  kind: DestinationKind;
  settings: GitSettings | WordPressSettings | GhostSettings;
  /** A credential is stored (it is never shown again). */
  hasSecret: boolean;
  /** Sessions published there so far. */
  posts: number;
  /** Sessions are published here in the background when their status changes to published. */
  autoPublish: boolean;
}

/** An automatic publish as the Publishing page shows it. */
export interface AutoPublishJobSummary {
  destinationId: string;
  sessionSlug: string;
  sessionTitle: string;
  state: "pending" | "running" | "done" | "failed" | "cancelled";
  attempts: number;
  /** When a pending job runs next; when a running one started. */
  runAt: Date;
  lastAction: string | null;
  lastError: string | null;
  updatedAt: Date;
}

/** The associated data a destination's credential is sealed with: it opens only on its conference and kind. */
export function destinationSecretContext(conferenceId: string, kind: string): string {
  return `talknotes-destination:${conferenceId}:${kind}`;
}

async function conferenceId(conferenceSlug: string): Promise<string> {
  const conference = await getPrisma().conference.findUnique({ where: { slug: conferenceSlug }, select: { id: true } });
  if (!conference) throw new AppError("not_found", `No conference "${conferenceSlug}"`);
  return conference.id;
}

/**
 * Adds a destination to a conference (owners: the caller checks). The
 * credential is sealed with the instance secret before it is stored and is
 * never returned, logged or exported; the settings are stored as given.
 */
export async function createDestination(conferenceSlug: string, input: DestinationInput): Promise<DestinationSummary> {
  const data = parseInput(DestinationInput, input);
  const id = await conferenceId(conferenceSlug);
  const secret = data.secret?.trim()
    ? sealSecret(data.secret.trim(), readEnv().secret, destinationSecretContext(id, data.kind))
    : null;
  try {
    const row = await getPrisma().publishDestination.create({
      data: {
        conferenceId: id,
        name: data.name,
        kind: data.kind,
        settings: JSON.stringify(data.settings),
        secret,
        autoPublish: data.autoPublish,
      },
    });
    return {
      id: row.id,
      name: row.name,
      kind: data.kind,
      settings: data.settings,
      hasSecret: secret !== null,
      posts: 0,
      autoPublish: row.autoPublish,
    };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("conflict", `The conference already has a destination named "${data.name}"`, {
        name: "Taken",
      });
    throw err;
  }
}

/** The conference's destinations, by name, without credentials. */
export async function listDestinations(conferenceSlug: string): Promise<DestinationSummary[]> {
  const id = await conferenceId(conferenceSlug);
  const rows = await getPrisma().publishDestination.findMany({
    where: { conferenceId: id },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      settings: true,
      secret: true,
      autoPublish: true,
      _count: { select: { posts: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as DestinationKind,
    settings: JSON.parse(r.settings) as GitSettings | WordPressSettings | GhostSettings,
    hasSecret: r.secret !== null,
    posts: r._count.posts,
    autoPublish: r.autoPublish,
  }));
}

/** Turns a destination's automatic publishing on or off (owners: the caller checks); sessions published from now on are queued. */
export async function setDestinationAutoPublish(
  conferenceSlug: string,
  destinationId: string,
  autoPublish: boolean,
): Promise<void> {
  const id = await conferenceId(conferenceSlug);
  const { count } = await getPrisma().publishDestination.updateMany({
    where: { id: destinationId, conferenceId: id },
    data: { autoPublish },
  });
  if (count === 0) throw new AppError("not_found", "No such destination");
}

/** The conference's automatic publishes, the most recently changed first (at most `limit`). */
export async function listAutoPublishJobs(conferenceSlug: string, limit = 50): Promise<AutoPublishJobSummary[]> {
  const id = await conferenceId(conferenceSlug);
  const rows = await getPrisma().publishJob.findMany({
    where: { destination: { conferenceId: id } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      destinationId: true,
      state: true,
      attempts: true,
      runAt: true,
      lastAction: true,
      lastError: true,
      updatedAt: true,
      session: { select: { slug: true, title: true } },
    },
  });
  return rows.map(({ session, ...r }) => ({
    ...r,
    state: r.state as AutoPublishJobSummary["state"],
    sessionSlug: session.slug,
    sessionTitle: session.title,
  }));
}

/** Removes a destination and what it remembers of published posts (the posts themselves stay on the blog). */
export async function deleteDestination(conferenceSlug: string, destinationId: string): Promise<void> {
  const id = await conferenceId(conferenceSlug);
  const { count } = await getPrisma().publishDestination.deleteMany({ where: { id: destinationId, conferenceId: id } });
  if (count === 0) throw new AppError("not_found", "No such destination");
}
