/** What the limiter says about one more attempt. */
export interface LimitDecision {
  allowed: boolean;
  /** Seconds until the next attempt is allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Counter {
  failures: number;
  /** Start of the counting window (ms). */
  since: number;
  /** No attempt before this time (ms). */
  lockedUntil: number;
}

/** Limits of the login limiter; the defaults are what SECURITY.md documents. */
export interface LoginLimits {
  /** Failures of one email from one address before each further failure locks it out (with doubling waits). */
  freeFailures: number;
  /** First lockout and cap of the doubling lockout (seconds). */
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** Failures from one address (any emails) per window before that address is locked out for the rest of it. */
  perAddressFailures: number;
  /** Failures against one email (any addresses) per window: slows distributed guessing of one account. */
  perEmailFailures: number;
  windowSeconds: number;
  /** Counters kept at most (oldest dropped first), so a flood of addresses cannot grow memory without bound. */
  maxEntries: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  freeFailures: 5,
  baseLockSeconds: 2,
  maxLockSeconds: 15 * 60,
  perAddressFailures: 50,
  perEmailFailures: 100,
  windowSeconds: 15 * 60,
  maxEntries: 50_000,
};

/**
 * Slows password guessing: per (address, email) a doubling lockout after a few
 * failures, per address and per email a ceiling per window. In memory, one
 * process; a restart forgets the counters. Several instances (REDIS_URL) use
 * `RedisLoginLimiter`, the same rules with the counters in Redis.
 */
export class LoginLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** May one more attempt be made for this address and email? */
  check(address: string, email: string): LimitDecision {
    const now = this.now();
    let wait = 0;
    for (const key of this.keys(address, email)) {
      const c = this.live(key, now);
      if (c && c.lockedUntil > now) wait = Math.max(wait, c.lockedUntil - now);
    }
    return wait > 0
      ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
      : { allowed: true, retryAfterSeconds: 0 };
  }

  /**
   * Decides on one more attempt and, when it is allowed, counts it as a
   * failure at once, before the password is checked: the check-then-count of
   * `check` + `recordFailure` let any number of concurrent attempts through
   * while the first were still being verified. `recordSuccess` undoes the count.
   */
  attempt(address: string, email: string): LimitDecision {
    const decision = this.check(address, email);
    if (decision.allowed) this.recordFailure(address, email);
    return decision;
  }

  /** Counts a failed attempt and sets any lockout it earns. */
  recordFailure(address: string, email: string): void {
    const now = this.now();
    const [pair, byAddress, byEmail] = this.keys(address, email);
    const windowEnd = (c: Counter) => c.since + this.limits.windowSeconds * 1000;

    const p = this.bump(pair, now);
    const over = p.failures - this.limits.freeFailures;
    if (over > 0) {
      const seconds = Math.min(this.limits.maxLockSeconds, this.limits.baseLockSeconds * 2 ** (over - 1));
      p.lockedUntil = now + seconds * 1000;
    }
    const a = this.bump(byAddress, now);
    if (a.failures >= this.limits.perAddressFailures) a.lockedUntil = windowEnd(a);
    const e = this.bump(byEmail, now);
    if (e.failures >= this.limits.perEmailFailures) e.lockedUntil = windowEnd(e);
  }

  /**
   * A successful sign-in clears that address and email's pair counter and takes
   * back the failure `attempt` counted in advance from the address and email
   * ceilings (the failures before it still count there).
   */
  recordSuccess(address: string, email: string): void {
    const now = this.now();
    const [pair, byAddress, byEmail] = this.keys(address, email);
    this.counters.delete(pair);
    for (const [key, ceiling] of [
      [byAddress, this.limits.perAddressFailures],
      [byEmail, this.limits.perEmailFailures],
    ] as const) {
      const c = this.live(key, now);
      if (!c) continue;
      c.failures = Math.max(0, c.failures - 1);
      if (c.failures < ceiling) c.lockedUntil = 0;
    }
  }

  /** Number of counters held (for tests of the memory bound). */
  get size(): number {
    return this.counters.size;
  }

  private keys(address: string, email: string): [string, string, string] {
    const e = email.trim().toLowerCase();
    return [`p:${address}|${e}`, `a:${address}`, `e:${e}`];
  }

  private live(key: string, now: number): Counter | undefined {
    const c = this.counters.get(key);
    if (c && now - c.since > this.limits.windowSeconds * 1000 && c.lockedUntil <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return c;
  }

  private bump(key: string, now: number): Counter {
    let c = this.live(key, now);
    if (!c) {
      c = { failures: 0, since: now, lockedUntil: 0 };
      if (this.counters.size >= this.limits.maxEntries) {
        const oldest = this.counters.keys().next().value;
        if (oldest !== undefined) this.counters.delete(oldest);
      }
    } else {
      this.counters.delete(key); // re-insert: Map order is recency, the oldest is evicted first
    }
    c.failures += 1;
    this.counters.set(key, c);
    return c;
  }
}
