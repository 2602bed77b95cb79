import { Redis } from "ioredis";

/**
 * A token bucket per key, refilled at `rate` per second up to `burst`, taken
 * atomically on the Redis server (Redis's clock, one for every instance).
 * Returns 1 when a token was taken, 0 when the bucket is empty. An idle
 * bucket expires once it would be full again.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens, at = tonumber(state[1]), tonumber(state[2])
if tokens == nil then tokens, at = burst, now end
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local taken = 0
if tokens >= 1 then tokens, taken = tokens - 1, 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken
`;

/**
 * Rate limits shared by every instance (multi-instance mode, REDIS_URL): one
 * bucket per key in Redis, so a client spreading requests over instances gets
 * the rate of one, not of N. While Redis is unreachable `take` answers null
 * and the caller applies its own per-process limit alone (refusing everyone
 * during a Redis outage would turn it into an outage of the app).
 */
export class RedisTokenBucket {
  private readonly redis: Redis;
  private warned = false;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly limits: { perSecond: number; burst: number },
  ) {
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (n: number) => Math.min(50 * n, 1000),
    });
    this.redis.on("error", () => {}); // reconnects on its own; failures are reported once below
  }

  /** Takes one token of `key`'s bucket: true (taken), false (empty), or null (Redis unreachable). */
  async take(key: string): Promise<boolean | null> {
    try {
      const taken = await this.redis.eval(TAKE, 1, `${this.prefix}${key}`, this.limits.perSecond, this.limits.burst);
      this.warned = false;
      return taken === 1;
    } catch (err) {
      if (!this.warned)
        console.error(`[rate] Redis unreachable: ${this.prefix}* limits count per instance until it is back`, err);
      this.warned = true;
      return null;
    }
  }

  close(): void {
    this.redis.disconnect();
  }
}
