import { scanEditMarkers } from "./scan-edit-markers";

interface Entry {
  /** A copy of the message (the receiver's Buffer may be a view into a socket chunk). */
  bytes: Buffer;
  /** Its markers as (editor, seq, sent µs) triples. */
  markers: Float64Array;
}

/**
 * The edit markers of a message, scanned once per distinct message: a
 * broadcast reaches a thousand readers as the same bytes, and scanning each
 * copy (a Latin-1 string and a regex per copy) is most of what the load
 * generator spends per received frame. A message is looked up by a hash of
 * its length and a sample of its bytes and then compared byte for byte, so a
 * cached answer is only ever the answer for identical bytes (two messages
 * with the same hash cost a rescan, never a wrong count). Holds the `limit` most recently added
 * messages (readers that fall behind still hit: a cache miss just scans).
 */
export class EditMarkerCache {
  private readonly entries = new Map<number, Entry>();
  scanned = 0;
  reused = 0;

  constructor(private readonly limit = 512) {}

  /** (editor, seq, sent µs) triples of every marker in `bytes`; do not modify the result. */
  markers(bytes: Uint8Array): Float64Array {
    const key = hashBytes(bytes);
    const hit = this.entries.get(key);
    if (hit && hit.bytes.equals(bytes)) {
      this.reused++;
      return hit.markers;
    }
    this.scanned++;
    const found: number[] = [];
    scanEditMarkers(bytes, (editor, seq, sent) => found.push(editor, seq, sent));
    const markers = Float64Array.from(found);
    // A different message with the same hash (rare) replaces the old one; the newest is the likelier to repeat.
    this.entries.delete(key);
    this.entries.set(key, { bytes: Buffer.from(bytes), markers });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return markers;
  }
}

/** Bytes hashed from each end of a message: its clocks at the start, its newest text and delete set at the end. */
const SAMPLE = 48;

/**
 * FNV-1a (32 bits) over the length and at most 2 x SAMPLE bytes (the first and the last), not every byte:
 * hashing whole merged frames was half of the cache's cost, and the byte comparison decides anyway.
 */
function hashBytes(bytes: Uint8Array): number {
  const n = bytes.length;
  let h = (0x811c9dc5 ^ n) >>> 0;
  const head = Math.min(n, SAMPLE);
  for (let i = 0; i < head; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  for (let i = Math.max(head, n - SAMPLE); i < n; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
