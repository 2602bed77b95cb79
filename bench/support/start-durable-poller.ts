import path from "node:path";
import { Worker } from "node:worker_threads";

export interface DurableSightings {
  /** Send time (µs, monotonic) of each edit marker found on disk... */
  sent: Float64Array;
  /** ...and when the poller first saw it there. */
  durable: Float64Array;
  /** NotesUpdate rows and bytes that appeared while polling. */
  rows: number;
  bytes: number;
  polls: number;
}

/**
 * Starts a worker thread that polls the SQLite file read-only every `pollMs`
 * for new NotesUpdate rows (and snapshots of `sessions`, in case compaction
 * removed rows between polls), recording when each edit marker became
 * durable. Its own event loop keeps polling on time while this thread is busy
 * generating load. `stop()` resolves with everything it saw.
 */
export async function startDurablePoller(
  file: string,
  sessions: string[],
  pollMs = 2,
): Promise<{ stop(): Promise<DurableSightings> }> {
  const worker = new Worker(path.resolve(import.meta.dirname, "durable-poller.mjs"), {
    workerData: { file, sessions, pollMs },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  return {
    stop: () =>
      new Promise<DurableSightings>((resolve, reject) => {
        worker.once("message", (result: DurableSightings) => {
          void worker.terminate();
          resolve(result);
        });
        worker.once("error", reject);
        worker.postMessage("stop");
      }),
  };
}
