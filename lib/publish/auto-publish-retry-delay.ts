/** Attempts an automatic publish gets before it is given up (shown as failed on the Publishing page). */
export const AUTO_PUBLISH_MAX_ATTEMPTS = 6;

/**
 * How long to wait after `attempts` failed attempts before the next one, or
 * null when the job has had all its attempts. The wait grows fourfold from
 * `firstDelayMs` (30 s, 2 min, 8 min, 32 min, about 2 h with the default),
 * so a blog that is down for an afternoon still gets the post, while a wrong
 * password stops being tried after a few hours.
 */
export function autoPublishRetryDelay(attempts: number, firstDelayMs: number): number | null {
  if (attempts >= AUTO_PUBLISH_MAX_ATTEMPTS) return null;
  return firstDelayMs * 4 ** Math.max(0, attempts - 1);
}
