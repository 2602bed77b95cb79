/**
 * Microseconds on the monotonic clock (CLOCK_MONOTONIC on Linux). The same
 * clock in every thread and process of the machine, so a timestamp written
 * into an edit by one client can be compared with the arrival time seen by
 * another client, a worker thread, or a poller.
 */
export function nowMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
