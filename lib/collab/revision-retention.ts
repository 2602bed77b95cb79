/** One stored revision as the retention policy sees it. */
export interface RetainedRevision {
  id: string;
  kind: "auto" | "named" | "restore";
  /** When it was taken (ms since epoch). */
  createdAt: number;
  /** Size of its stored document state. */
  bytes: number;
}

/** Caps on one session's history; the defaults are what docs/SECURITY.md documents. */
export interface RevisionLimits {
  /** Revisions kept per session, all kinds. */
  maxRevisions: number;
  /** Bytes of stored states per session, all kinds (4 × the 16 MiB document limit). */
  maxBytes: number;
  /** Named and restore revisions (never dropped automatically) a session may hold. */
  maxKept: number;
  /** Bytes those may take, leaving the rest of `maxBytes` to automatic history. */
  maxKeptBytes: number;
}

export const DEFAULT_REVISION_LIMITS: RevisionLimits = {
  maxRevisions: 300,
  maxBytes: 64 * 1024 * 1024,
  maxKept: 100,
  maxKeptBytes: 48 * 1024 * 1024,
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Which automatic revisions to delete so a session's history stays useful and
 * bounded: every automatic revision of the last day, the newest of each hour
 * for the last week, the newest of each day before that; then, while the
 * session is still over its count or byte cap, the oldest automatic ones.
 * Named and restore revisions are never chosen (people asked for them; new
 * ones are refused instead when they fill their own share, see `maxKept`).
 */
export function revisionsToDrop(
  revisions: readonly RetainedRevision[],
  now: number,
  limits: RevisionLimits = DEFAULT_REVISION_LIMITS,
): string[] {
  const drop = new Set<string>();
  const seenBucket = new Set<string>();
  const newestFirst = [...revisions].sort((a, b) => b.createdAt - a.createdAt);
  for (const r of newestFirst) {
    if (r.kind !== "auto") continue;
    const age = now - r.createdAt;
    if (age < DAY) continue;
    const bucket = age < 7 * DAY ? `h${Math.floor(r.createdAt / HOUR)}` : `d${Math.floor(r.createdAt / DAY)}`;
    if (seenBucket.has(bucket)) drop.add(r.id);
    else seenBucket.add(bucket);
  }
  let count = revisions.length - drop.size;
  let bytes = revisions.reduce((sum, r) => sum + (drop.has(r.id) ? 0 : r.bytes), 0);
  for (let i = newestFirst.length - 1; i >= 0 && (count > limits.maxRevisions || bytes > limits.maxBytes); i--) {
    const r = newestFirst[i]!;
    if (r.kind !== "auto" || drop.has(r.id)) continue;
    drop.add(r.id);
    count--;
    bytes -= r.bytes;
  }
  return [...drop];
}
