import { readEnv } from "../env";
import { LoginLimiter } from "./login-limiter";
import { RedisLoginLimiter } from "./redis-login-limiter";

const holder = globalThis as unknown as { __talknotesLoginLimiter?: LoginLimiter | RedisLoginLimiter };

/**
 * The process-wide limiter (shared by both module graphs through globalThis):
 * in memory on one instance, in Redis with REDIS_URL so every instance counts
 * against the same limits. Callers `await` its answers (Redis is a round trip).
 */
export function getLoginLimiter(): LoginLimiter | RedisLoginLimiter {
  if (!holder.__talknotesLoginLimiter) {
    const { redisUrl } = readEnv();
    holder.__talknotesLoginLimiter = redisUrl ? new RedisLoginLimiter(redisUrl) : new LoginLimiter();
  }
  return holder.__talknotesLoginLimiter;
}
