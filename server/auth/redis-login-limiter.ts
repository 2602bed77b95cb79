import { Redis } from "ioredis";
import { DEFAULT_LOGIN_LIMITS, type LimitDecision, LoginLimiter, type LoginLimits } from "./login-limiter";

/**
 * `attempt`, atomically on the Redis server (one script, so concurrent
 * attempts on several instances cannot all pass the check): refuse while any
 * of the three counters (pair, address, email) is locked, else count the
 * attempt as a failure at once and set the lockouts it earns. Each counter is
 * a hash {failures, lockedUntil} that expires at the end of its window, or of
 * its lockout when that is later. Time is the Redis server's, one clock for
 * every instance. Returns the milliseconds to wait (0: allowed and counted).
 */
const ATTEMPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window, free, base, maxLock = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local ceilings = { 0, tonumber(ARGV[5]), tonumber(ARGV[6]) }
local wait = 0
for i = 1, 3 do
  local locked = tonumber(redis.call('HGET', KEYS[i], 'lockedUntil') or '0')
  if locked > now then wait = math.max(wait, locked - now) end
end
if wait > 0 then return wait end
for i = 1, 3 do
  local failures = redis.call('HINCRBY', KEYS[i], 'failures', 1)
  if failures == 1 then redis.call('PEXPIRE', KEYS[i], window) end
  local ttl = redis.call('PTTL', KEYS[i])
  local lock = 0
  if i == 1 then
    local over = failures - free
    if over > 0 then lock = math.min(maxLock, base * 2 ^ (over - 1)) end
  elseif failures >= ceilings[i] then
    lock = ttl -- locked for the rest of the window
  end
  if lock > 0 then
    redis.call('HSET', KEYS[i], 'lockedUntil', now + lock)
    if ttl < lock then redis.call('PEXPIRE', KEYS[i], lock) end
  end
end
return 0
`;

/** `recordSuccess`: clear the pair, take the counted attempt back from the address and email ceilings. */
const SUCCESS = `
redis.call('DEL', KEYS[1])
local ceilings = { 0, tonumber(ARGV[1]), tonumber(ARGV[2]) }
for i = 2, 3 do
  local failures = tonumber(redis.call('HGET', KEYS[i], 'failures') or '-1')
  if failures > 0 then
    failures = redis.call('HINCRBY', KEYS[i], 'failures', -1)
    if failures < ceilings[i] then redis.call('HSET', KEYS[i], 'lockedUntil', 0) end
  end
end
return 0
`;

/**
 * The login limiter shared by every instance (multi-instance mode,
 * REDIS_URL): the same limits and the same "count before the password check,
 * take back on success" as `LoginLimiter`, with the counters in Redis, so a
 * guesser spreading attempts over instances gets no more tries than on one.
 * While Redis is unreachable it falls back to this process's own
 * `LoginLimiter` (limits per instance) rather than refusing every sign-in;
 * Redis holds nothing durable, so a restart of it forgets counters, as a
 * restart of the single process does.
 */
export class RedisLoginLimiter {
  private readonly redis: Redis;
  private readonly fallback: LoginLimiter;
  private warned = false;

  constructor(
    redisUrl: string,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (n: number) => Math.min(50 * n, 1000),
    });
    this.redis.on("error", () => {}); // reconnects on its own; failures are reported once below
    this.fallback = new LoginLimiter(limits);
  }

  /** Decides on one more attempt and, when allowed, counts it as a failure at once (see `LoginLimiter.attempt`). */
  async attempt(address: string, email: string): Promise<LimitDecision> {
    const l = this.limits;
    try {
      const waitMs = (await this.redis.eval(
        ATTEMPT,
        3,
        ...this.keys(address, email),
        l.windowSeconds * 1000,
        l.freeFailures,
        l.baseLockSeconds * 1000,
        l.maxLockSeconds * 1000,
        l.perAddressFailures,
        l.perEmailFailures,
      )) as number;
      this.warned = false;
      return waitMs > 0
        ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) }
        : { allowed: true, retryAfterSeconds: 0 };
    } catch (err) {
      this.warn(err);
      return this.fallback.attempt(address, email);
    }
  }

  /** A successful sign-in: clears the pair and takes back the attempt counted in advance. */
  async recordSuccess(address: string, email: string): Promise<void> {
    try {
      await this.redis.eval(
        SUCCESS,
        3,
        ...this.keys(address, email),
        this.limits.perAddressFailures,
        this.limits.perEmailFailures,
      );
    } catch (err) {
      this.warn(err);
    }
    this.fallback.recordSuccess(address, email);
  }

  private keys(address: string, email: string): [string, string, string] {
    const e = email.trim().toLowerCase();
    return [`talknotes:login:p:${address}|${e}`, `talknotes:login:a:${address}`, `talknotes:login:e:${e}`];
  }

  private warn(err: unknown): void {
    if (this.warned) return;
    this.warned = true;
    console.error("[auth] Redis unreachable: the login limiter counts per instance until it is back", err);
  }
}
