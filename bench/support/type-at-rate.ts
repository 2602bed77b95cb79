import type * as Y from "yjs";
import { editMarker } from "./edit-marker";

/**
 * Every text gets `editsPerSecond` edits (each its own Yjs transaction, so
 * one y-websocket message, like a keystroke in the editor) for `seconds`, on
 * a fixed schedule staggered across texts so the load is even, not bursty.
 * Each edit appends an edit marker (editor = `firstEditor` + index). Late
 * timers catch up without skipping, so the count is exact. Resolves with the
 * number of edits made.
 */
export async function typeAtRate(
  texts: Array<Y.XmlText | Y.Text>,
  editsPerSecond: number,
  seconds: number,
  firstEditor = 0,
): Promise<number> {
  const period = 1000 / editsPerSecond;
  const perText = Math.round(editsPerSecond * seconds);
  const t0 = performance.now() + 50;
  let sent = 0;
  await Promise.all(
    texts.map(
      (text, i) =>
        new Promise<void>((done) => {
          const phase = (i / texts.length) * period;
          const fire = (seq: number) => {
            text.insert(text.length, `${editMarker(firstEditor + i, seq)} `);
            sent++;
            if (seq + 1 >= perText) return done();
            setTimeout(() => fire(seq + 1), Math.max(0, t0 + phase + (seq + 1) * period - performance.now()));
          };
          setTimeout(() => fire(0), Math.max(0, t0 + phase - performance.now()));
        }),
    ),
  );
  return sent;
}
