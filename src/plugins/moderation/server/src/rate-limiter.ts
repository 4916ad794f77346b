import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-client limits on comment submission, one window a minute and one an hour, on
 * rate-limiter-flexible. The store is memory (one instance) or Redis (several instances share
 * the counts). A limit of 0 is off.
 */
export interface RateLimits {
  perMinute: number;
  perHour: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface CommentRateLimiter {
  consume(clientKey: string): Promise<RateDecision>;
}

export function createCommentRateLimiter(
  limits: RateLimits,
  options: { redis?: Redis; keyPrefix?: string } = {},
): CommentRateLimiter {
  const windows = [
    { points: limits.perMinute, duration: 60, name: 'minute' },
    { points: limits.perHour, duration: 3600, name: 'hour' },
  ].filter((window) => window.points > 0);
  const prefix = options.keyPrefix ?? 'khabar-comments';
  const limiters = windows.map((window) => {
    const settings = {
      points: window.points,
      duration: window.duration,
      keyPrefix: `${prefix}:${window.name}:${window.points}`,
    };
    return options.redis
      ? new RateLimiterRedis({ ...settings, storeClient: options.redis, rejectIfRedisNotReady: false })
      : new RateLimiterMemory(settings);
  });

  return {
    async consume(clientKey) {
      let retryAfterMs = 0;
      for (const limiter of limiters) {
        try {
          await limiter.consume(clientKey);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext);
        }
      }
      return retryAfterMs > 0
        ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
        : { allowed: true };
    },
  };
}
