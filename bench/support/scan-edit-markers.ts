const MARKER = /\[e(\d+)#(\d+)@(\d+)\]/g;

/**
 * Calls `found(editor, seq, sentMicros)` for every edit marker (see
 * editMarker) in an update or message. Latin-1 decoding keeps it cheap: the
 * marker is ASCII, and nothing else in the bytes needs to be read.
 */
export function scanEditMarkers(
  bytes: Uint8Array,
  found: (editor: number, seq: number, sentMicros: number) => void,
): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let n = 0;
  for (const m of text.matchAll(MARKER)) {
    found(Number(m[1]), Number(m[2]), Number(m[3]));
    n++;
  }
  return n;
}
