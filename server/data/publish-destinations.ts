import { AppError } from "../../lib/errors/app-error";
import { getPrisma } from "../db/prisma";
import { readEnv } from "../env";
import { DestinationInput, GitSettings, WordPressSettings, type DestinationKind } from "../publish/destination-settings";
import { sealSecret } from "../publish/secret-box";
import { parseInput } from "./parse-input";

/** A destination as owners see it: the settings, never the credential. */
export interface DestinationSummary {
  id: string;
  name: string;
  kind: DestinationKind;
  settings: GitSettings | WordPressSettings;
  /** A credential is stored (it is never shown again). */
  hasSecret: boolean;
  /** Sessions published there so far. */
  posts: number;
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
  const secret = data.secret?.trim() ? sealSecret(data.secret.trim(), readEnv().secret, destinationSecretContext(id, data.kind)) : null;
  try {
    const row = await getPrisma().publishDestination.create({
      data: { conferenceId: id, name: data.name, kind: data.kind, settings: JSON.stringify(data.settings), secret },
    });
    return { id: row.id, name: row.name, kind: data.kind, settings: data.settings, hasSecret: secret !== null, posts: 0 };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("conflict", `The conference already has a destination named "${data.name}"`, { name: "Taken" });
    throw err;
  }
}

/** The conference's destinations, by name, without credentials. */
export async function listDestinations(conferenceSlug: string): Promise<DestinationSummary[]> {
  const id = await conferenceId(conferenceSlug);
  const rows = await getPrisma().publishDestination.findMany({
    where: { conferenceId: id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, settings: true, secret: true, _count: { select: { posts: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as DestinationKind,
    settings: JSON.parse(r.settings) as GitSettings | WordPressSettings,
    hasSecret: r.secret !== null,
    posts: r._count.posts,
  }));
}

/** Removes a destination and what it remembers of published posts (the posts themselves stay on the blog). */
export async function deleteDestination(conferenceSlug: string, destinationId: string): Promise<void> {
  const id = await conferenceId(conferenceSlug);
  const { count } = await getPrisma().publishDestination.deleteMany({ where: { id: destinationId, conferenceId: id } });
  if (count === 0) throw new AppError("not_found", "No such destination");
}
