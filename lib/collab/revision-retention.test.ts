import { describe, expect, it } from "vitest";
import { DEFAULT_REVISION_LIMITS, type RetainedRevision, revisionsToDrop } from "./revision-retention";

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 1, 12);

function autos(count: number, everyMs: number, bytes = 1000): RetainedRevision[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    kind: "auto" as const,
    createdAt: now - i * everyMs,
    bytes,
  }));
}

describe("revisionsToDrop", () => {
  it("keeps all of the last day, hourly for a week, daily after", () => {
    // One automatic revision every 10 minutes for 20 days.
    const all = autos(20 * 24 * 6, 10 * 60_000);
    const dropped = new Set(revisionsToDrop(all, now, { ...DEFAULT_REVISION_LIMITS, maxRevisions: 10_000 }));
    const kept = all.filter((r) => !dropped.has(r.id));
    const inAge = (from: number, to: number) =>
      kept.filter((r) => now - r.createdAt >= from && now - r.createdAt < to).length;
    expect(inAge(0, 24 * HOUR)).toBe(24 * 6);
    // One per clock hour (the hour straddling the one-day mark may add one).
    expect(inAge(24 * HOUR, 7 * 24 * HOUR)).toBeGreaterThanOrEqual(6 * 24);
    expect(inAge(24 * HOUR, 7 * 24 * HOUR)).toBeLessThanOrEqual(6 * 24 + 1);
    expect(inAge(8 * 24 * HOUR, 20 * 24 * HOUR)).toBeLessThanOrEqual(13);
    expect(inAge(8 * 24 * HOUR, 20 * 24 * HOUR)).toBeGreaterThanOrEqual(11);
  });

  it("then drops the oldest automatic revisions to fit the count and byte caps, never named ones", () => {
    const named: RetainedRevision = { id: "n", kind: "named", createdAt: now - 30 * 24 * HOUR, bytes: 5000 };
    const all = [named, ...autos(50, 60_000, 1000)];
    const dropped = revisionsToDrop(all, now, { ...DEFAULT_REVISION_LIMITS, maxRevisions: 20, maxBytes: 12_000 });
    expect(dropped).not.toContain("n");
    const kept = all.filter((r) => !dropped.includes(r.id));
    expect(kept.reduce((s, r) => s + r.bytes, 0)).toBeLessThanOrEqual(12_000);
    // The newest automatic revisions are the ones kept.
    expect(kept.map((r) => r.id).sort()).toEqual(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "n"]);
  });
});
